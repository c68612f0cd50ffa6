import type { Span } from '../types';
import type { Block } from './blocks';

/** A quotation: from its opening mark to its closing mark, both included. */
export interface Quote extends Span {
  /** Index of the block (paragraph) it sits in. */
  block: number;
  /** True when the paragraph ends inside the quote and the next paragraph reopens it. */
  runsOn: boolean;
  /** True when this piece reopens a quote that ran on from the previous paragraph. */
  continuesPrevious: boolean;
}

export interface QuoteScan {
  quotes: Quote[];
  /** Marks that open and never close, or close and never opened. */
  unbalanced: Span[];
}

const OPEN_ONLY = new Set(['“', '„', '«', '‹']);
const CLOSE_ONLY = new Set(['”', '»', '›']);

interface Mark {
  at: number;
  len: number;
  /** `open`, `close` or `either` (straight marks decided by context). */
  role: 'open' | 'close' | 'either';
}

/** Quotation marks of one block, in order. `''` and ` `` ` are NYT-style double quotes. */
function marksOf(prose: string, b: Span): Mark[] {
  const marks: Mark[] = [];
  for (let i = b.start; i < b.end; i++) {
    const c = prose[i] ?? '';
    if (OPEN_ONLY.has(c)) marks.push({ at: i, len: 1, role: c === '„' || c === '“' ? 'open' : 'open' });
    else if (CLOSE_ONLY.has(c)) marks.push({ at: i, len: 1, role: 'close' });
    else if (c === '"') marks.push({ at: i, len: 1, role: 'either' });
    else if (c === '`' && prose[i + 1] === '`') { marks.push({ at: i, len: 2, role: 'open' }); i++; }
    else if (c === "'" && prose[i + 1] === "'") { marks.push({ at: i, len: 2, role: 'either' }); i++; }
  }
  return marks;
}

/** Opening when nothing word-like precedes it, or something word-like follows and space precedes. */
function looksOpening(prose: string, m: Mark, from: number): boolean {
  const before = m.at > from ? prose[m.at - 1] ?? '' : '';
  const after = prose[m.at + m.len] ?? '';
  if (before === '' || /[\s([{\u2014\u2013-]/u.test(before)) return !/\s/.test(after) || after === '';
  return false;
}

/** Pair the quotation marks of every block; quotes that run over paragraphs are split per paragraph. */
export function scanQuotes(prose: string, blocks: readonly Block[]): QuoteScan {
  const quotes: Quote[] = [];
  const unbalanced: Span[] = [];
  let carried = false; // the previous paragraph ended inside a quote
  blocks.forEach((b, bi) => {
    const marks = marksOf(prose, b);
    let open: Mark | null = null;
    const firstMark = marks[0];
    const reopens = !!firstMark && firstMark.at === b.start && firstMark.role !== 'close';
    const continuing = carried && reopens;
    carried = false;
    for (const m of marks) {
      const role = m.role === 'either' ? (open ? 'close' : looksOpening(prose, m, b.start) ? 'open' : 'close') : m.role;
      if (role === 'open') {
        if (open) unbalanced.push({ start: open.at, end: open.at + open.len });
        open = m;
      } else if (open) {
        quotes.push({ start: open.at, end: m.at + m.len, block: bi, runsOn: false, continuesPrevious: continuing && open === firstMark });
        open = null;
      } else {
        unbalanced.push({ start: m.at, end: m.at + m.len });
      }
    }
    if (open) {
      const next = blocks[bi + 1];
      const nextOpens = next !== undefined && /^["“„«]|^''|^``/.test(prose.slice(next.start, next.start + 2));
      if (nextOpens) {
        quotes.push({ start: open.at, end: b.end, block: bi, runsOn: true, continuesPrevious: continuing && open === firstMark });
        carried = true;
      } else {
        unbalanced.push({ start: open.at, end: open.at + open.len });
      }
    }
  });
  return { quotes: mergeBrokenPieces(prose, quotes), unbalanced };
}

/**
 * A "quote" with no letters or digits (`“,”`) is a mis-rendered mark, not speech: it joins the
 * quote before it in the same paragraph when only a few words separate them, e.g.
 * `“We will say:” Yes, but – “,”` is one quotation.
 */
function mergeBrokenPieces(prose: string, quotes: Quote[]): Quote[] {
  const out: Quote[] = [];
  for (const q of quotes) {
    const inner = prose.slice(q.start + 1, q.end - 1);
    const prev = out[out.length - 1];
    if (!/[\p{L}\p{N}]/u.test(inner) && prev && prev.block === q.block && q.start - prev.end < 40 && !/[.!?]\s/.test(prose.slice(prev.end, q.start))) {
      out[out.length - 1] = { ...prev, end: q.end };
      continue;
    }
    out.push(q);
  }
  return out;
}
