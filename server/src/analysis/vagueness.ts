// Vague and anonymous sources: from attributions whose speaker is a group or unnamed, and from
// fixed phrases ("it is believed", "people familiar with the matter") wherever they appear.
import { ANONYMOUS_PHRASES, VAGUE_PHRASES } from './data/sources';
import type { RuleContext } from './rules/context';
import type { Span } from './types';
import { lastStartingAt } from './text/spans';

export interface SourceHit extends Span {
  kind: 'vague' | 'anonymous';
  /** The words that flag the source: "Analysts claim". */
  text: string;
  /** Who the source is, when an attribution names it: "Analysts". */
  who?: string;
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** A vague or anonymous phrase found in a paragraph. */
export interface PhraseHit extends Span {
  kind: 'vague' | 'anonymous';
}

/** Case-insensitive, whole-word occurrences of plain phrases (never regular expressions). */
function occurrences(lowerProse: string, phrases: readonly string[]): Span[] {
  const out: Span[] = [];
  for (const raw of phrases) {
    const p = raw.trim().toLowerCase();
    if (p === '') continue;
    for (let i = lowerProse.indexOf(p); i >= 0; i = lowerProse.indexOf(p, i + 1)) {
      if (!isWordChar(lowerProse[i - 1]) && !isWordChar(lowerProse[i + p.length])) out.push({ start: i, end: i + p.length });
    }
  }
  return out;
}

/** Vague and anonymous phrases of one paragraph, outside its quotations. */
export function findPhrases(prose: string, quotes: readonly Span[], extraVague: readonly string[]): PhraseHit[] {
  const lower = prose.toLowerCase();
  const insideQuote = (s: Span) => {
    const q = quotes[lastStartingAt(quotes, s.start - 1)];
    return !!q && s.end < q.end;
  };
  return [
    ...occurrences(lower, ANONYMOUS_PHRASES).map((s) => ({ ...s, kind: 'anonymous' as const })),
    ...occurrences(lower, [...VAGUE_PHRASES, ...extraVague]).map((s) => ({ ...s, kind: 'vague' as const })),
  ]
    .filter((s) => !insideQuote(s))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

const memo = new WeakMap<RuleContext, SourceHit[]>();

/** Vague and anonymous sources of the article; computed once per analysis, read by two rules. */
export function sourceHits(ctx: RuleContext): SourceHit[] {
  let hits = memo.get(ctx);
  if (!hits) {
    hits = computeSourceHits(ctx);
    memo.set(ctx, hits);
  }
  return hits;
}

function computeSourceHits(ctx: RuleContext): SourceHit[] {
  const { article } = ctx;
  const hits: SourceHit[] = [];
  for (const a of ctx.attributions) {
    if ((a.speakerKind !== 'vague' && a.speakerKind !== 'anonymous') || !a.speaker || a.noteId) continue;
    const start = Math.min(a.speaker.start, a.cue?.start ?? a.speaker.start);
    const end = Math.max(a.speaker.end, a.cue?.end ?? a.speaker.end);
    hits.push({ kind: a.speakerKind, start, end, text: article.text.slice(start, end), who: article.text.slice(a.speaker.start, a.speaker.end) });
  }
  hits.sort((a, b) => a.start - b.start);
  const phraseHits: SourceHit[] = article.phrases.map((s) => ({ ...s, text: article.text.slice(s.start, s.end) }));
  for (const h of phraseHits) {
    // Attribution hits are few and sorted; a phrase clashes with at most a neighbour.
    const clash = nearest(hits, h);
    if (clash) {
      // "according to two people ..., who asked for anonymity": one finding, widened.
      if (clash.kind === h.kind || h.kind === 'anonymous') {
        clash.start = Math.min(clash.start, h.start);
        clash.end = Math.max(clash.end, h.end);
        if (h.kind === 'anonymous') clash.kind = 'anonymous';
      }
      continue;
    }
    const s = ctx.sentenceAt(h.start);
    const last = before(hits, h);
    const near = last && s && last.start >= s.start && last.end <= s.end && last.kind === 'anonymous' && h.kind === 'anonymous' ? last : undefined;
    if (near) {
      near.start = Math.min(near.start, h.start);
      near.end = Math.max(near.end, h.end);
      continue;
    }
    if (s && ctx.hasNote(s)) continue;
    insertSorted(hits, h);
  }
  return hits;
}

/** The last hit starting before `h` ends (binary search; hits are sorted by start and disjoint). */
function before(hits: readonly SourceHit[], h: Span): SourceHit | undefined {
  let lo = 0;
  let hi = hits.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < h.end) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 ? hits[hi] : undefined;
}

/** The hit overlapping `h`. */
function nearest(hits: readonly SourceHit[], h: Span): SourceHit | undefined {
  const b = before(hits, h);
  return b && b.end > h.start ? b : undefined;
}

function insertSorted(hits: SourceHit[], h: SourceHit): void {
  let k = hits.length;
  while (k > 0 && hits[k - 1]!.start > h.start) k--;
  hits.splice(k, 0, h);
}
