// Pure text helpers behind the quick fixes: readable unique note ids, pre-filled definition lines,
// where the definitions go, and the factcheck-ignore marker. Every edit is an insertion.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { RootContent } from 'mdast';
import type { ArticleFormat, Notes, RuleId } from './analysis';

/** An insertion at a UTF-16 offset of the document version the fix was computed for. */
export interface Insertion {
  offset: number;
  text: string;
}

/** What a new note's definition is pre-filled from (the analyser's finding data). */
export interface NoteSource {
  source?: string;
  cue?: string;
  trigger?: string;
}

const DEFINITION_LINE = /^\[\^[^\]\s]+\]:/;
// Matched against a line with its trailing spaces trimmed: `[ \t]*#*[ \t]*$` on the raw line
// backtracks quadratically on '## Sources' followed by a long run of spaces and more text.
const SOURCES_HEADING = /^(#{1,6})[ \t]+Sources(?:[ \t]+#+)?$/i;

/** The line break the document already uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Note ids already taken in the document (GFM footnote labels are case-insensitive). */
export function usedNoteIds(notes: Notes): Set<string> {
  const used = new Set<string>();
  for (const n of notes.definitions) used.add(n.id.toLowerCase());
  for (const n of notes.references) used.add(n.id.toLowerCase());
  return used;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A readable id not in `used`, which it then joins. Starts from the analyser's suggestion
 * (`peskov-1`), else the source's last word, else `claim`; bumps the number until free.
 */
export function uniqueNoteId(suggested: string, source: string | undefined, used: Set<string>): string {
  let wanted = slug(suggested);
  if (!wanted) wanted = `${slug(source?.split(/\s+/).pop() ?? '') || 'source'}-1`;
  if (!used.has(wanted)) {
    used.add(wanted);
    return wanted;
  }
  const numbered = /^(.*?)-(\d+)$/.exec(wanted);
  const base = numbered ? numbered[1] : wanted;
  let n = numbered ? Number(numbered[2]) : 1;
  while (used.has(`${base}-${n}`)) n++;
  const id = `${base}-${n}`;
  used.add(id);
  return id;
}

/**
 * The text after `[^id]: ` for a new note. Examples:
 * `Dmitri S. Peskov, told journalists (date, link: TODO)`; `Source for a figure ("30-day") (who, date, link: TODO)`.
 */
export function definitionText(from: NoteSource, placeholder: string): string {
  if (from.source) return `${from.source}${from.cue ? `, ${from.cue}` : ''} (date, link: ${placeholder})`;
  return `Source${from.trigger ? ` for ${from.trigger}` : ''} (who, date, link: ${placeholder})`;
}

interface LineInfo {
  start: number;
  /** Offset of the end of the line's content (before its line break). */
  end: number;
  text: string;
}

function linesOf(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const rawEnd = nl === -1 ? text.length : nl;
    const end = rawEnd > start && text[rawEnd - 1] === '\r' ? rawEnd - 1 : rawEnd;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) return lines;
    start = nl + 1;
  }
}

/** How a Markdown HTML block that ends only at a terminator starts, and that terminator (CommonMark types 1-5). */
const HTML_BLOCK_ENDS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, (m) => `</${m[1]!.toLowerCase()}>`],
  [/^ {0,3}<!--/, () => '-->'],
  [/^ {0,3}<\?/, () => '?>'],
  [/^ {0,3}<!\[CDATA\[/, () => ']]>'],
  [/^ {0,3}<![A-Za-z]/, () => '>'],
];

/** What the line-based placement cannot see in a Markdown document with code fences or HTML blocks. */
interface MarkdownFacts {
  /** Start offsets of the real top-level ATX headings (a `## Sources` line inside a code block is none). */
  headings: Set<number>;
  /** What closes a block left open at the end of the document (see {@link closerOf}). */
  closer: string;
}

let factsMemo: { text: string; facts: MarkdownFacts | undefined } | undefined;

/**
 * Parsed facts about a Markdown document, or `undefined` when no line starts a code fence or an
 * HTML block: then every `#` line is a heading and nothing can be left open, as the line-based
 * placement assumes. Memoised for the requests on one version.
 */
function markdownFacts(text: string): MarkdownFacts | undefined {
  if (factsMemo?.text === text) return factsMemo.facts;
  let facts: MarkdownFacts | undefined;
  if (/^ {0,3}(?:```|~~~|<)/m.test(text)) {
    const root = fromMarkdown(text);
    const headings = new Set<number>();
    for (const node of root.children) if (node.type === 'heading' && node.position?.start.offset !== undefined) headings.add(node.position.start.offset);
    facts = { headings, closer: closerOf(text, root.children[root.children.length - 1]) };
  }
  factsMemo = { text, facts };
  return facts;
}

/**
 * What closes a fenced code block or an HTML block left open at the end of a Markdown document,
 * so that definitions appended after it are read as Markdown, not as code: an unclosed fence, or
 * an unterminated `<!--`, would swallow them. Only a top-level block matters: a heading at the
 * left margin after a blank line ends every container (list item, block quote, note) and what is
 * open inside it. Empty when nothing is open.
 */
function closerOf(text: string, last: RootContent | undefined): string {
  const start = last?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (!last || start === undefined || end === undefined || text.slice(end).trim() !== '') return '';
  const raw = text.slice(start, end);
  if (last.type === 'code') {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    const lines = raw.split(/\r\n|\r|\n/);
    const closing = lines.length > 1 && fence ? /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]!)?.[1] : undefined;
    return fence && !(closing && closing[0] === fence[0] && closing.length >= fence.length) ? fence : '';
  }
  if (last.type === 'html') {
    for (const [opens, terminatorOf] of HTML_BLOCK_ENDS) {
      const m = opens.exec(raw);
      if (!m) continue;
      const terminator = terminatorOf(m);
      return raw.toLowerCase().includes(terminator, m[0].length) ? '' : terminator;
    }
  }
  return '';
}

/**
 * Where and how to insert definition lines: at the end of the Markdown `Sources` section (a
 * `## Sources` heading is added when there is none), or as a trailing block in plain text. The
 * insertion goes right after the last non-blank line, so trailing blank lines stay where they are.
 */
export function definitionsInsertion(text: string, format: ArticleFormat, definitions: string[]): Insertion {
  const eol = eolOf(text);
  const lines = linesOf(text);
  const block = definitions.join(eol);
  let regionEnd = lines.length;
  let needsHeading = false;
  const facts = format === 'markdown' ? markdownFacts(text) : undefined;
  // A `#` line inside a code block or an HTML block is not a heading.
  const heading = (l: LineInfo) => !facts || facts.headings.has(l.start);
  if (format === 'markdown') {
    const headingIndex = lines.findIndex((l) => SOURCES_HEADING.test(l.text.trimEnd()) && heading(l));
    if (headingIndex === -1) needsHeading = true;
    else {
      const level = SOURCES_HEADING.exec(lines[headingIndex]!.text.trimEnd())![1]!.length;
      const next = lines.findIndex((l, i) => {
        const h = i > headingIndex && heading(l) ? /^(#{1,6})[ \t]/.exec(l.text) : null;
        return h !== null && h[1]!.length <= level;
      });
      if (next !== -1) regionEnd = next;
    }
  }
  let last = regionEnd - 1;
  while (last >= 0 && lines[last]!.text.trim() === '') last--;
  // Appending after a code fence or HTML block left open at the end: close it first (still only an insertion).
  const closer = regionEnd === lines.length ? (facts?.closer ?? '') : '';
  if (closer !== '' && last >= 0) {
    const after = lines[last]!;
    const separator = closer.startsWith('`') || closer.startsWith('~') ? eol : ' ';
    const heading = needsHeading ? `${eol}${eol}## Sources` : '';
    return { offset: after.end, text: `${separator}${closer}${heading}${eol}${eol}${block}` };
  }
  if (last < 0) {
    const text0 = needsHeading ? `## Sources${eol}${eol}${block}${eol}` : `${block}${eol}`;
    return { offset: 0, text: text0 };
  }
  const after = lines[last]!;
  if (needsHeading) return { offset: after.end, text: `${eol}${eol}## Sources${eol}${eol}${block}` };
  const joinsBlock = DEFINITION_LINE.test(after.text);
  return { offset: after.end, text: `${joinsBlock ? eol : eol + eol}${block}` };
}

/** A `factcheck-ignore` marker with rule ids on the line before `lineStart`: where its id list ends and how ids are separated. */
function markerBefore(text: string, lineStart: number): { idsEnd: number; separator: string } | undefined {
  if (lineStart === 0) return undefined;
  // Lines end with \n, \r\n or a lone \r, as LSP and the analyser count them.
  const prevEnd = text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
  const prevStart = Math.max(text.lastIndexOf('\n', prevEnd - 1), text.lastIndexOf('\r', prevEnd - 1)) + 1;
  const line = text.slice(prevStart, prevEnd);
  // A marker line is short; the pattern below is quadratic on a long line of spaces with no '-->'.
  if (line.length > 1000) return undefined;
  const m = /^(\s*<!--\s*factcheck-ignore\b)(.*?)\s*-->\s*$/.exec(line);
  if (!m || m[2]!.trim() === '') return undefined;
  return { idsEnd: prevStart + m[1]!.length + m[2]!.length, separator: m[2]!.includes(',') ? ', ' : ' ' };
}

/**
 * The insertion that marks a finding as checked: a `<!-- factcheck-ignore RULE -->` line before
 * the flagged line, or the rule id added to a marker already there (a second marker line would
 * push the first away from the line it is about).
 */
export function markerInsertion(text: string, lineStart: number, rule: RuleId): Insertion {
  const existing = markerBefore(text, lineStart);
  if (existing) return { offset: existing.idsEnd, text: `${existing.separator}${rule}` };
  return { offset: lineStart, text: `<!-- factcheck-ignore ${rule} -->${eolOf(text)}` };
}
