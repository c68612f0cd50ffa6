import type { Span } from '../types';

/** A quotation: from its opening mark to its closing mark, both included. */
export interface Quote extends Span {
  /** True when the paragraph ends inside the quote: it runs on if the next paragraph reopens it. */
  runsOn: boolean;
}

export interface QuoteScan {
  quotes: Quote[];
  /** Marks that open and never close, or close and never opened (a run-on quote's mark is not here). */
  unbalanced: Span[];
  /** Does the block start with an opening mark (so it can continue a quote from the paragraph before)? */
  startsWithOpen: boolean;
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
function marksOf(prose: string): Mark[] {
  const marks: Mark[] = [];
  for (let i = 0; i < prose.length; i++) {
    const c = prose[i] ?? '';
    if (OPEN_ONLY.has(c)) marks.push({ at: i, len: 1, role: 'open' });
    else if (CLOSE_ONLY.has(c)) marks.push({ at: i, len: 1, role: 'close' });
    else if (c === '"') {
      // Not quotation marks: an empty pair (""), attribute syntax (x="..."), inches (6'2").
      if (prose[i + 1] === '"') { i++; continue; }
      const before = prose[i - 1] ?? '';
      if (before === '=' || /\d/.test(before)) continue;
      marks.push({ at: i, len: 1, role: 'either' });
    }
    else if (c === '`' && prose[i + 1] === '`') { marks.push({ at: i, len: 2, role: 'open' }); i++; }
    else if (c === "'" && prose[i + 1] === "'") { marks.push({ at: i, len: 2, role: 'either' }); i++; }
  }
  return marks;
}

/** Opening when nothing word-like precedes it and something follows. */
function looksOpening(prose: string, m: Mark): boolean {
  const before = m.at > 0 ? prose[m.at - 1] ?? '' : '';
  const after = prose[m.at + m.len] ?? '';
  if (before === '' || /[\s([{\u2014\u2013-]/u.test(before)) return !/\s/.test(after) || after === '';
  return false;
}

/**
 * Pair the quotation marks of one paragraph (`prose` is the paragraph's text). A quote still open
 * at the end becomes a run-on piece to the paragraph's end; the article decides whether the next
 * paragraph reopens it or the mark is unbalanced.
 */
export function scanQuotes(prose: string): QuoteScan {
  const quotes: Quote[] = [];
  const unbalanced: Span[] = [];
  const marks = marksOf(prose);
  let open: Mark | null = null;
  for (const m of marks) {
    const role = m.role === 'either' ? (open ? 'close' : looksOpening(prose, m) ? 'open' : 'close') : m.role;
    if (role === 'open') {
      if (open) unbalanced.push({ start: open.at, end: open.at + open.len });
      open = m;
    } else if (open) {
      quotes.push({ start: open.at, end: m.at + m.len, runsOn: false });
      open = null;
    } else {
      unbalanced.push({ start: m.at, end: m.at + m.len });
    }
  }
  if (open) quotes.push({ start: open.at, end: prose.length, runsOn: true });
  const first = marks[0];
  return { quotes: mergeBrokenPieces(prose, quotes), unbalanced, startsWithOpen: !!first && first.at === 0 && first.role !== 'close' };
}

/**
 * A "quote" with no letters or digits (`“,”`) is a mis-rendered mark, not speech: it joins the
 * quote before it when only a few words separate them, e.g. `“We will say:” Yes, but – “,”` is one
 * quotation.
 */
function mergeBrokenPieces(prose: string, quotes: Quote[]): Quote[] {
  const out: Quote[] = [];
  for (const q of quotes) {
    const inner = prose.slice(q.start + 1, q.end - 1);
    const prev = out[out.length - 1];
    if (!/[\p{L}\p{N}]/u.test(inner) && prev && q.start - prev.end < 40 && !/[.!?]\s/.test(prose.slice(prev.end, q.start))) {
      out[out.length - 1] = { ...prev, end: q.end, runsOn: q.runsOn };
      continue;
    }
    out.push(q);
  }
  return out;
}
