// Where a Markdown article can be cut into pieces that parse the same alone as in the whole:
// micromark reads about 2 MB a second here, so re-parsing a 100,000-word article on every
// keystroke took 300 ms. Pieces are memoised by their text (markdown.ts); an edit re-parses
// only the piece it touched.
//
// A cut goes before a line that starts at column 0 with a non-blank character after a blank
// line: every CommonMark container has ended there (list items, block quotes and footnote
// definitions need indentation or a marker to go on past a blank line), except a fenced code
// block, an HTML block of kinds 1 to 5 and front matter, which run until their closing line,
// and indented code, after which micromark reads on as though a paragraph could continue. Those
// are checked on the parse itself (`endsOpen`), and a piece that ends in one is parsed again
// together with what follows. Link reference definitions are
// document-wide, so an article that may hold one is parsed whole (`needsWholeParse`).

import { lastAtOrBefore } from './spans';

const isLineBreak = (c: number): boolean => c === 10 || c === 13;
const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;
const LINE_BREAK = /[\n\r]/g;

/** Start offsets of the candidate pieces: 0, then each line start where a cut is allowed. */
export function pieceStarts(text: string): number[] {
  const starts = [0];
  scanCuts(text, 0, false, (at) => {
    starts.push(at);
    return true;
  });
  return starts;
}

/**
 * {@link pieceStarts} of `text` after an edit, from the cuts of the version `before` it, which
 * agrees with it on its first `prefix` and last `suffix` characters (text/diff.ts). A cut depends
 * only on its line and the line above it, so the cuts above the edit stay; the lines from the last
 * of them are read again, until a cut whose blank line above lies in the unchanged end: from
 * there on the cuts are the old ones, moved by the change in length.
 */
export function pieceStartsAfterEdit(text: string, before: string, cuts: readonly number[], prefix: number, suffix: number): number[] {
  const resume = lastAtOrBefore(cuts, prefix - 1);
  if (resume < 1) return pieceStarts(text);
  const starts = cuts.slice(0, resume);
  const moved = text.length - before.length;
  const unchangedFrom = text.length - suffix;
  let rejoin = -1;
  scanCuts(text, cuts[resume]!, true, (at, lineAbove) => {
    if (lineAbove - 1 >= unchangedFrom) {
      const old = lastAtOrBefore(cuts, at - moved);
      if (old >= 0 && cuts[old] === at - moved) {
        rejoin = old;
        return false;
      }
    }
    starts.push(at);
    return true;
  });
  if (rejoin >= 0) for (let k = rejoin; k < cuts.length; k++) starts.push(cuts[k]! + moved);
  return starts;
}

/**
 * Reads the lines of `text` from the line start `from` (the line above it blank or not, as
 * `aboveBlank` says) and reports each line start where a cut is allowed, with the start of the
 * blank line above it; stops when `cut` returns false.
 */
function scanCuts(text: string, from: number, aboveBlank: boolean, cut: (at: number, lineAbove: number) => boolean): void {
  let previousBlank = aboveBlank;
  let previousStart = -1;
  for (let i = from; i < text.length; ) {
    // Blank when only spaces and tabs come before the line break; only then is the line's end
    // already found. Otherwise a regular expression finds it, several times faster than a loop
    // over a paragraph's characters. (text.indexOf('\n', from) here ran 100 times slower once
    // V8 optimised this function: 70 ms for a 100k-word article.)
    let end = i;
    while (end < text.length && isSpaceOrTab(text.charCodeAt(end))) end++;
    const blank = end >= text.length || isLineBreak(text.charCodeAt(end));
    if (!blank) {
      LINE_BREAK.lastIndex = end;
      end = LINE_BREAK.test(text) ? LINE_BREAK.lastIndex - 1 : text.length;
    }
    // Not before a byte order mark: micromark drops one at the start of what it parses.
    const c = text.charCodeAt(i);
    if (previousBlank && !blank && !isSpaceOrTab(c) && c !== 0xfeff && !cut(i, previousStart)) return;
    previousBlank = blank;
    previousStart = i;
    i = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/**
 * True when a piece could read differently alone: the text may hold a link reference definition
 * (`[label]: url`, which any line of the article can use), or a `[^id]:` that micromark might
 * read as a reference to a note defined in another piece. Every `]:` counts except one ending a
 * footnote label at the start of a line (at most three spaces in), which is always a definition
 * (footnote definitions interrupt paragraphs). Over-cautious on purpose: then the article is
 * parsed whole, as before.
 */
export function needsWholeParse(text: string): boolean {
  for (let at = text.indexOf(']:'); at >= 0; at = text.indexOf(']:', at + 2)) {
    const open = text.lastIndexOf('[', at);
    if (open < 0 || text.charCodeAt(open + 1) !== 94 /* ^ */) return true;
    const label = at - open - 2;
    if (label < 1 || label > 100) return true;
    for (let k = open + 2; k < at; k++) {
      const c = text.charCodeAt(k);
      if (c <= 32 || c === 93 /* ] */ || c === 91 /* [ */) return true;
    }
    let indent = 0;
    let k = open - 1;
    for (; k >= 0 && text.charCodeAt(k) === 32; k--) indent++;
    if (indent > 3 || (k >= 0 && !isLineBreak(text.charCodeAt(k)))) return true;
  }
  return false;
}

/** The lines of `raw`, without their line breaks, and with trailing blank lines dropped. */
function contentLines(raw: string): string[] {
  const lines = raw.split(/\r\n|\r|\n/);
  while (lines.length > 0 && onlySpacesAndTabs(lines[lines.length - 1]!, 0)) lines.pop();
  return lines;
}

/** CommonMark's blank: nothing but spaces and tabs from `from` on. */
function onlySpacesAndTabs(s: string, from: number): boolean {
  for (let k = from; k < s.length; k++) if (!isSpaceOrTab(s.charCodeAt(k))) return false;
  return true;
}

/** The text after at most three spaces of indentation, or null when indented further. */
function afterIndent(line: string): string | null {
  let k = 0;
  while (k < line.length && line.charCodeAt(k) === 32) k++;
  return k <= 3 ? line.slice(k) : null;
}

/** Length of the run of `ch` at the start of `s`. */
function runOf(s: string, ch: string): number {
  let n = 0;
  while (s[n] === ch) n++;
  return n;
}

/** A fenced code block (CommonMark 4.5) whose closing fence is its last non-blank line. */
function fenceIsClosed(raw: string): boolean {
  const lines = contentLines(raw);
  const first = afterIndent(lines[0] ?? '');
  const ch = first?.[0];
  // Indented code counts as open: micromark reads the line after it and its blank lines as
  // though a paragraph could still go on (a lone `-` there is text, not an empty list item).
  if (first === null || first === undefined || (ch !== '`' && ch !== '~')) return false;
  const open = runOf(first, ch);
  if (open < 3 || lines.length < 2) return false;
  const last = afterIndent(lines[lines.length - 1]!);
  if (last === null) return false;
  const close = runOf(last, ch);
  return close >= open && onlySpacesAndTabs(last, close);
}

/** CommonMark HTML blocks 1 to 5 run over blank lines until a line holding their end marker. */
const HTML_ENDS: readonly [RegExp, readonly string[]][] = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, ['</script>', '</pre>', '</style>', '</textarea>']],
  [/^<!--/, ['-->']],
  [/^<\?/, ['?>']],
  [/^<![A-Za-z]/, ['>']],
  [/^<!\[CDATA\[/, [']]>']],
];

function htmlIsClosed(raw: string): boolean {
  const lines = contentLines(raw);
  const first = afterIndent(lines[0] ?? '') ?? '';
  const kind = HTML_ENDS.find(([start]) => start.test(first));
  if (!kind) return true; // kinds 6 and 7 end at a blank line
  const last = (lines[lines.length - 1] ?? '').toLowerCase();
  return kind[1].some((end) => last.includes(end));
}

/** A top-level node as the parser returned it. */
export interface TopNode {
  type: string;
  start: number;
  end: number;
}

/**
 * Whether a piece parsed alone may end inside a construct that the next piece would continue:
 * its last top-level node is an unclosed fence or HTML block, or it opens front matter that did
 * not close within it.
 */
export function endsOpen(piece: string, first: boolean, nodes: readonly TopNode[]): boolean {
  if (first && /^(?:---|\+\+\+)/.test(piece) && !(nodes[0] && (nodes[0].type === 'yaml' || nodes[0].type === 'toml'))) return true;
  const last = nodes[nodes.length - 1];
  if (!last) return false;
  const raw = piece.slice(last.start, last.end);
  if (last.type === 'code') return !fenceIsClosed(raw);
  if (last.type === 'html') return !htmlIsClosed(raw);
  return false;
}
