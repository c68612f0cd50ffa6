// The prose of an article is its text with non-prose blanked to spaces: tags pasted into plain
// text, note references and definitions, ignore markers. Building that as one string copied the
// whole article on every edit (a 1.2 MB string for 100k words, twice with notes), so the prose is
// a view instead: the source text and the sorted, disjoint spans read as spaces. None of the
// spans holds a line break, so lines are where the source has them.
import type { Span } from '../types';
import { insideAny, lastStartingAt } from './spans';

/** What prose is read from: a string, or anything that reads like one (Markdown's parsed pieces). */
export interface ProseSource {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end: number): string;
}

export interface BlankedText<S extends ProseSource = ProseSource> {
  /** The text before blanking (plain text; for Markdown, its prose with the markup blanked). */
  source: S;
  /** Sorted, disjoint, no line breaks inside: read as spaces. */
  blanks: readonly Span[];
}

/** The UTF-16 code unit at `offset` as the prose has it (a space where blanked). */
export function codeAt(view: BlankedText, offset: number): number {
  return view.blanks.length > 0 && insideAny(view.blanks, offset) ? 32 : view.source.charCodeAt(offset);
}

/** The prose of `[start, end)`: the source's characters with the blanked ones as spaces. */
export function proseSlice(view: BlankedText, start: number, end: number): string {
  const slice = view.source.slice(start, end);
  const { blanks } = view;
  let k = Math.max(0, lastStartingAt(blanks, start));
  while (k < blanks.length && blanks[k]!.end <= start) k++;
  if (k >= blanks.length || blanks[k]!.start >= end) return slice;
  let out = '';
  let at = start;
  for (; k < blanks.length && blanks[k]!.start < end; k++) {
    const from = Math.max(blanks[k]!.start, start);
    const to = Math.min(blanks[k]!.end, end);
    out += view.source.slice(at, from) + ' '.repeat(to - from);
    at = to;
  }
  return out + view.source.slice(at, end);
}

/** The union of sorted span lists as sorted, disjoint spans (touching spans are joined). */
export function unionOf(...lists: readonly (readonly Span[])[]): Span[] {
  const all = lists.flat().filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
