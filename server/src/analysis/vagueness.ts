// Vague and anonymous sources: from attributions whose speaker is a group or unnamed, and from
// fixed phrases ("it is believed", "people familiar with the matter") wherever they appear.
import { ANONYMOUS_PHRASES, VAGUE_PHRASES } from './data/sources';
import type { ParagraphContext } from './rules/context';
import type { Attribution, Span } from './types';
import { lastStartingAt } from './text/spans';

export interface SourceHit extends Span {
  kind: 'vague' | 'anonymous';
  /** The words that flag the source: "Analysts claim". */
  text: string;
  /** Who the source is, when an attribution names it: "Analysts". */
  who?: string;
  /** The sentence (its index) whose source note would source this hit: where the quick fix puts the note. */
  anchor: number;
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** A vague or anonymous phrase found in a paragraph. */
export interface PhraseHit extends Span {
  kind: 'vague' | 'anonymous';
}

/** Phrases as they are searched for: trimmed, lower-case, none empty. */
const lowered = (phrases: readonly string[]): string[] => phrases.map((p) => p.trim().toLowerCase()).filter((p) => p !== '');

/** Phrases grouped by their first word: a paragraph without "familiar" has none of its five phrases. */
type PhraseGroups = ReadonlyMap<string, readonly string[]>;
function grouped(phrases: readonly string[]): PhraseGroups {
  const groups = new Map<string, string[]>();
  for (const p of phrases) {
    const lead = p.split(' ', 1)[0]!;
    groups.set(lead, [...(groups.get(lead) ?? []), p]);
  }
  return groups;
}

// The built-in lists are prepared once, not for every paragraph.
const ANONYMOUS = grouped(lowered(ANONYMOUS_PHRASES));
const VAGUE_LIST = lowered(VAGUE_PHRASES);
const VAGUE = grouped(VAGUE_LIST);

/** Whole-word occurrences of plain lower-case phrases (never regular expressions) in lower-cased prose. */
function occurrences(lowerProse: string, groups: PhraseGroups): Span[] {
  const out: Span[] = [];
  for (const [lead, phrases] of groups) {
    if (!lowerProse.includes(lead)) continue;
    for (const p of phrases) {
      for (let i = lowerProse.indexOf(p); i >= 0; i = lowerProse.indexOf(p, i + 1)) {
        if (!isWordChar(lowerProse[i - 1]) && !isWordChar(lowerProse[i + p.length])) out.push({ start: i, end: i + p.length });
      }
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
    ...occurrences(lower, ANONYMOUS).map((s) => ({ ...s, kind: 'anonymous' as const })),
    ...occurrences(lower, extraVague.length === 0 ? VAGUE : grouped([...VAGUE_LIST, ...lowered(extraVague)])).map((s) => ({ ...s, kind: 'vague' as const })),
  ]
    .filter((s) => !insideQuote(s))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

// The rules run paragraph by paragraph, so the last paragraph's hits are all there is to keep.
let last: { ctx: ParagraphContext; hits: SourceHit[] } | undefined;

/** Vague and anonymous sources of a paragraph; computed once per analysis of it, read by two rules. */
export function sourceHits(ctx: ParagraphContext): SourceHit[] {
  if (last?.ctx !== ctx) last = { ctx, hits: computeSourceHits(ctx) };
  return last.hits;
}

function computeSourceHits(ctx: ParagraphContext): SourceHit[] {
  const hits: SourceHit[] = [];
  // One hit per speaker mention: quotes can share it ("“A,” a spokesperson said, “B.”") and a
  // floating quote repeats it. A note on any of its attributions sources the mention. A speaker
  // in an earlier paragraph is that paragraph's hit.
  const bySpeaker = new Map<number, Attribution[]>();
  for (const a of ctx.attributions) {
    if ((a.speakerKind !== 'vague' && a.speakerKind !== 'anonymous') || !a.speaker || a.speaker.start < 0) continue;
    const group = bySpeaker.get(a.speaker.start);
    if (group) group.push(a);
    else bySpeaker.set(a.speaker.start, [a]);
  }
  for (const [at, group] of bySpeaker) {
    if (group.some((a) => a.noteId) || ctx.notedLater.includes(at)) continue;
    const first = group[0]!;
    let start = first.speaker!.start;
    let end = first.speaker!.end;
    for (const a of group) {
      if (!a.cue) continue;
      start = Math.min(start, a.cue.start);
      end = Math.max(end, a.cue.end);
    }
    const anchor = ctx.sentenceAt(first.sentence.end - 1);
    const kind = first.speakerKind === 'anonymous' ? 'anonymous' : 'vague';
    hits.push({ kind, start, end, text: ctx.source(start, end), who: ctx.source(first.speaker!.start, first.speaker!.end), anchor });
  }
  hits.sort((a, b) => a.start - b.start);
  for (const p of ctx.phrases) {
    const anchor = ctx.sentenceAt(p.start);
    const h: SourceHit = { start: p.start, end: p.end, kind: p.kind, text: ctx.source(p.start, p.end), anchor };
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
    const s = ctx.sentences[anchor]!;
    const last = before(hits, h);
    const near = last && last.start >= s.start && last.end <= s.end && last.kind === 'anonymous' && h.kind === 'anonymous' ? last : undefined;
    if (near) {
      near.start = Math.min(near.start, h.start);
      near.end = Math.max(near.end, h.end);
      continue;
    }
    if (ctx.hasNote(anchor)) continue;
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
