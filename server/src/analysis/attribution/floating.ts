// Floating quotes: a quotation with no cue of its own continues the speaker before it.
import type { Span } from '../types';
import type { PendingQuote, RawAttribution } from './model';

/** Quotes shorter than this many words with no speaker are scare quotes or titles, not speech. */
export const MIN_SPEECH_WORDS = 4;

/**
 * Floating quotes, article-wide: a pending quote that opens its sentence continues the attribution
 * before it when that is within three sentences or in the paragraph just before; the others with
 * enough words are speech with no speaker. Both lists are sorted by start; sentence indices are
 * article-wide and `blockOf` maps one to its paragraph.
 */
export function attachFloating(
  attributions: RawAttribution[],
  pending: readonly PendingQuote[],
  blockOf: (sentence: number) => number,
): { attributions: RawAttribution[]; unattributed: Span[] } {
  const out: RawAttribution[] = [];
  const unattributed: Span[] = [];
  let i = 0;
  let previous: RawAttribution | undefined;
  for (const p of pending) {
    while (i < attributions.length && attributions[i]!.quote.start < p.quote.start) {
      previous = attributions[i++]!;
      out.push(previous);
    }
    const near = !!previous && (p.sentence - previous.sentence <= 3 || blockOf(p.sentence) - blockOf(previous.sentence) <= 1);
    if (p.opensSentence && previous?.speaker && near) {
      previous = continuation(previous, p);
      out.push(previous);
      continue;
    }
    // Only an orphan is flagged: a quotation standing as its own sentence with no cue around it.
    // Quoted words inside a sentence usually belong to its subject, even with no speech verb.
    if (p.words >= MIN_SPEECH_WORDS && p.opensSentence && !p.cueNearby) unattributed.push(p.quote);
  }
  while (i < attributions.length) out.push(attributions[i++]!);
  return { attributions: out, unattributed };
}

/** The attribution `p` continues: the speaker before it, with no cue of its own. A literal of fixed shape, not a spread (see assemble). */
function continuation(a: RawAttribution, p: PendingQuote): RawAttribution {
  return {
    kind: 'direct',
    quote: p.quote,
    speaker: a.speaker,
    speakerText: a.speakerText,
    speakerParts: a.speakerParts,
    speakerKind: a.speakerKind,
    cue: null,
    cueText: '',
    sentence: p.sentence,
    floating: true,
    role: a.role,
    name: a.name,
    person: a.person,
  };
}
