// Vague and anonymous sources: from attributions whose speaker is a group or unnamed, and from
// fixed phrases ("it is believed", "people familiar with the matter") wherever they appear.
import { ANONYMOUS_PHRASES, VAGUE_PHRASES } from './data/sources';
import type { RuleContext } from './rules/context';
import type { Span } from './types';

export interface SourceHit extends Span {
  kind: 'vague' | 'anonymous';
  /** The words that describe the source. */
  text: string;
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Case-insensitive, whole-word occurrences of plain phrases (never regular expressions). */
function findPhrases(lowerProse: string, phrases: readonly string[]): Span[] {
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

export function sourceHits(ctx: RuleContext): SourceHit[] {
  const { article } = ctx;
  const hits: SourceHit[] = [];
  for (const a of ctx.attributions) {
    if ((a.speakerKind !== 'vague' && a.speakerKind !== 'anonymous') || !a.speaker || a.noteId) continue;
    const start = Math.min(a.speaker.start, a.cue?.start ?? a.speaker.start);
    const end = Math.max(a.speaker.end, a.cue?.end ?? a.speaker.end);
    hits.push({ kind: a.speakerKind, start, end, text: article.text.slice(start, end) });
  }
  const lower = article.prose.toLowerCase();
  const insideQuote = (s: Span) => article.quotes.some((q) => s.start > q.start && s.end < q.end);
  const phraseHits: SourceHit[] = [
    ...findPhrases(lower, ANONYMOUS_PHRASES).map((s) => ({ ...s, kind: 'anonymous' as const })),
    ...findPhrases(lower, [...VAGUE_PHRASES, ...(ctx.options.extraVaguePhrases ?? [])]).map((s) => ({ ...s, kind: 'vague' as const })),
  ]
    .filter((s) => !insideQuote(s))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((s) => ({ ...s, text: article.text.slice(s.start, s.end) }));
  for (const h of phraseHits) {
    const clash = hits.find((x) => x.start < h.end && x.end > h.start);
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
    const near = hits.find((x) => s && x.start >= s.start && x.end <= s.end && x.kind === 'anonymous' && h.kind === 'anonymous');
    if (near) {
      near.start = Math.min(near.start, h.start);
      near.end = Math.max(near.end, h.end);
      continue;
    }
    if (s && ctx.hasNote(s)) continue;
    hits.push(h);
  }
  return hits.sort((a, b) => a.start - b.start);
}
