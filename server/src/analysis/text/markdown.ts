import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Span } from '../types';
import type { ProseSource } from './blanks';
import type { Block } from './blocks';
import { unchangedEnds } from './diff';
import { endsOpen, needsWholeParse, pieceStarts, pieceStartsAfterEdit, type TopNode } from './markdownChunks';
import { TextMemo } from './memo';
import { lastAtOrBefore } from './spans';
import { atSamePlace, RecentLists, type RecentList } from './recent';

const WITH_FRONT_MATTER = {
  extensions: [frontmatter(['yaml', 'toml']), gfmFootnote()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFootnoteFromMarkdown()],
};
const WITHOUT_FRONT_MATTER = { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] };

export interface MarkdownProse {
  /** The text with everything but prose (markup, code, HTML, URLs, front matter) blanked; same length. */
  prose: ProseSource;
  blocks: Block[];
  /** Verbatim regions (code, inline code, front matter) where notes and markers are not read. */
  verbatim: Span[];
}

interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const VERBATIM = new Set(['code', 'inlineCode', 'yaml', 'toml']);
const REFERENCE = /\[\^[^\]\s]{1,100}\](?!:)/g;

/**
 * How deep the deepest line is nested (block quote markers and list indentation). micromark is
 * quadratic in nesting depth (400 nested lists take seconds), so past MAX_NESTING the article is
 * read as plain text instead: no real article nests that deep.
 */
export const MAX_NESTING = 64;
export function tooDeeplyNested(text: string): boolean {
  // Linear: each line's prefix is scanned once.
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) depth = 0;
    else if (c === 62 /* > */) depth += 2;
    else if (c === 32 || c === 9 || c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */) depth += c === 9 ? 2 : 1;
    else {
      if (depth > 2 * MAX_NESTING) return true;
      const nl = text.indexOf('\n', i);
      if (nl < 0) return false;
      i = nl - 1;
      depth = 0;
    }
  }
  return depth > 2 * MAX_NESTING;
}

/**
 * Parse Markdown with micromark (CommonMark + GFM footnotes + front matter) and keep only the
 * text of paragraphs and headings. Offsets are unchanged: blanked characters become spaces,
 * line breaks stay. The article is parsed in pieces memoised by their text (markdownChunks.ts),
 * so an edit re-parses only the piece it touched; the result equals a parse of the whole.
 */
export function markdownProse(text: string): MarkdownProse {
  const whole = needsWholeParse(text);
  // Pieces by the index of the cut they start at, for the next edit to find (text/recent.ts):
  // the recent article closest in length, most likely this one before the edit.
  const previous = whole ? undefined : recentPieces.closest('', text.length, (list) => list.source.length);
  const edit = previous && unchangedEnds(previous.source, text);
  const starts = whole ? [0] : edit ? pieceStartsAfterEdit(text, previous.source, previous.cuts, edit.prefix, edit.suffix) : pieceStarts(text);
  const pieces: ProsePiece[] = [];
  const at: number[] = [];
  const texts = new Array<string | undefined>(starts.length);
  const values = new Array<ProsePiece | undefined>(starts.length);
  const moved = previous ? text.length - previous.source.length : 0;
  /**
   * What the last version parsed from the same text, known the same by where it lies (wholly
   * before the edit, or wholly after it), so not compared: the same cut and the same length.
   */
  const unchangedPiece = (k: number, from: number, to: number): ProsePiece | undefined => {
    if (!previous || !edit) return undefined;
    let j = -1;
    let oldFrom = from;
    if (to <= edit.prefix) j = k;
    else if (from >= text.length - edit.suffix) {
      j = k + previous.cuts.length - starts.length;
      oldFrom = from - moved;
    }
    return j >= 0 && previous.cuts[j] === oldFrom && previous.texts[j]?.length === to - from ? previous.values[j] : undefined;
  };
  const parseAt = (k: number, to: number): ProsePiece => {
    const piece = text.slice(starts[k]!, to);
    // The first piece may hold front matter: it goes through its own memo, and is not kept for
    // a later piece to match.
    if (k === 0) return parsePiece(piece, true);
    const parsed = unchangedPiece(k, starts[k]!, to) ?? atSamePlace(previous, k, starts.length, piece) ?? parsePiece(piece, false);
    texts[k] = piece;
    values[k] = parsed;
    return parsed;
  };
  for (let k = 0; k < starts.length; ) {
    const from = starts[k]!;
    // Parse from here to the next cut; a piece that ends inside a fence or an HTML block is
    // parsed again with what follows, doubling each time, so the work stays linear.
    let next = k + 1;
    let piece = parseAt(k, starts[next] ?? text.length);
    while (piece.endsOpen && next < starts.length) {
      const want = from + 2 * ((starts[next] ?? text.length) - from);
      while (next < starts.length && starts[next]! < want) next++;
      piece = parseAt(k, starts[next] ?? text.length);
    }
    pieces.push(piece);
    at.push(from);
    k = next;
  }
  recentPieces.remember({ key: '', texts, values, source: text, cuts: starts }, previous);
  if (pieces.length === 1) return pieces[0]!;
  const blocks: Block[] = [];
  const verbatim: Span[] = [];
  pieces.forEach((p, i) => placeInto(p, at[i]!, blocks, verbatim));
  return { prose: new PiecedProse(at, pieces.map((p) => p.prose), text.length), blocks, verbatim };
}

/**
 * The prose of an article parsed in pieces, read where the pieces are: joining them copied the
 * whole article on every edit (1.2 MB at 100k words). Reads like the joined string.
 */
export class PiecedProse implements ProseSource {
  constructor(
    private readonly starts: readonly number[],
    private readonly pieces: readonly string[],
    readonly length: number,
  ) {}

  /** The piece holding `offset` (the last one starting at or before it). */
  private pieceAt(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.starts, offset));
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const k = this.pieceAt(offset);
    return this.pieces[k]!.charCodeAt(offset - this.starts[k]!);
  }

  /** As String.prototype.slice, negative offsets counted from the end included. */
  slice(start: number, end: number = this.length): string {
    const clamp = (i: number) => (i < 0 ? Math.max(0, this.length + i) : Math.min(i, this.length));
    const from = clamp(start);
    const to = Math.max(from, clamp(end));
    let k = this.pieceAt(from);
    let out = '';
    for (let at = from; at < to; k++) {
      const pieceEnd = this.starts[k]! + this.pieces[k]!.length;
      out += this.pieces[k]!.slice(at - this.starts[k]!, Math.min(to, pieceEnd) - this.starts[k]!);
      at = Math.min(to, pieceEnd);
    }
    return out;
  }

  toString(): string {
    return this.pieces.join('');
  }
}

/** Appends a piece's blocks and verbatim regions, moved `by` characters on, to the article's. */
function placeInto(piece: MarkdownProse, by: number, blocks: Block[], verbatim: Span[]): void {
  for (const b of piece.blocks) blocks.push({ start: b.start + by, end: b.end + by, kind: b.kind, from: b.from + by });
  for (const v of piece.verbatim) verbatim.push({ start: v.start + by, end: v.end + by });
}

interface ProsePiece extends MarkdownProse {
  prose: string;
  /** The piece may end inside a construct that goes on past it (markdownChunks.ts). */
  endsOpen: boolean;
}

// Several large documents' worth of pieces (a 100k-word article has ~6,000).
const firstPieces = new TextMemo<ProsePiece>(64);
const laterPieces = new TextMemo<ProsePiece>(20_000);
/** An article's pieces by the cut they start at, with the text and the cuts they came from. */
interface PieceList extends RecentList<ProsePiece> {
  source: string;
  cuts: readonly number[];
}
/** The pieces of the last few articles (text/recent.ts). */
const recentPieces = new RecentLists<ProsePiece, PieceList>(4);

/** A piece's prose, memoised; front matter is read only at the start of the article. */
function parsePiece(piece: string, first: boolean): ProsePiece {
  return (first ? firstPieces : laterPieces).get(piece, () => parseProse(piece, first));
}

/** The article parsed in one piece, unmemoised: what {@link markdownProse} must equal (tests). */
export function markdownProseWhole(text: string): MarkdownProse & { prose: string } {
  const { prose, blocks, verbatim } = parseProse(text, true);
  return { prose, blocks, verbatim };
}

/** Forget the memoised pieces (cold-start measurements). */
export function clearMarkdownCache(): void {
  firstPieces.clear();
  laterPieces.clear();
  recentPieces.clear();
}

function parseProse(text: string, first: boolean): ProsePiece {
  // micromark drops a leading byte order mark and counts offsets without it: parse past it here.
  if (text.charCodeAt(0) === 0xfeff) {
    const rest = parseProse(text.slice(1), first);
    const moved: ProsePiece = { prose: ` ${rest.prose}`, blocks: [], verbatim: [], endsOpen: rest.endsOpen };
    placeInto(rest, 1, moved.blocks, moved.verbatim);
    return moved;
  }
  // Note references go to micromark as runs of `"` of the same length: its footnote label
  // matching is quadratic in the number of references (100,000 took 48 s; now milliseconds). The
  // notes themselves are read from the original text (notes.ts). `"` means nothing to Markdown,
  // keeps a line non-blank, and is punctuation like the `[` and `]` it stands for, so emphasis
  // around a reference reads as before (`**Tuesday.[^1]**` closes; with no-break spaces, a
  // kind of whitespace, the `**` stayed literal and joined two sentences).
  const forParser = text.includes('[^') ? text.replace(REFERENCE, (m) => '"'.repeat(m.length)) : text;
  const tree = fromMarkdown(forParser, first ? WITH_FRONT_MATTER : WITHOUT_FRONT_MATTER) as MdNode;
  const top: TopNode[] = (tree.children ?? []).map((n) => ({ type: n.type, start: n.position?.start.offset ?? 0, end: n.position?.end.offset ?? 0 }));
  const keep = new Uint8Array(text.length);
  const blocks: Block[] = [];
  const verbatim: Span[] = [];
  // An explicit stack, not recursion: a document nested thousands deep must not overflow the stack.
  const stack: [MdNode, boolean, boolean][] = [[tree, false, false]];
  while (stack.length > 0) {
    const [node, inBlock, parentInNote] = stack.pop()!;
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    if (VERBATIM.has(node.type)) {
      // Without trailing blank lines: a fence left open at the end of a piece keeps them, the
      // same fence in the whole article does not (they hold no notes either way).
      let end = e;
      while (end > s && /\s/.test(text[end - 1]!)) end--;
      verbatim.push({ start: s, end });
      continue;
    }
    const inNote = parentInNote || node.type === 'footnoteDefinition';
    if (node.type === 'text' && inBlock && !inNote) keep.fill(1, s, e);
    const isBlock = (node.type === 'paragraph' || node.type === 'heading') && !inNote;
    if (isBlock) blocks.push({ start: s, end: e, kind: node.type === 'heading' ? 'heading' : 'paragraph', from: s });
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, inBlock || isBlock, inNote]);
  }
  verbatim.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && keep[i] === keep[runStart]) continue;
    const chunk = text.slice(runStart, i);
    parts.push(keep[runStart] ? chunk : chunk.replace(/[^\n]/g, ' '));
    runStart = i;
  }
  const prose = parts.join('');
  // Trim each block to its visible text so sentence and quote offsets start at a letter.
  const trimmed: Block[] = [];
  for (const b of blocks) {
    let { start, end } = b;
    while (start < end && /\s/.test(prose[start] ?? '')) start++;
    while (end > start && /\s/.test(prose[end - 1] ?? '')) end--;
    if (end > start) trimmed.push({ start, end, kind: b.kind, from: b.from });
  }
  trimmed.sort((a, b) => a.start - b.start);
  return { prose, blocks: trimmed, verbatim, endsOpen: endsOpen(text, first, top) };
}
