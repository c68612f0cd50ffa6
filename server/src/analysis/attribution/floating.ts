// Floating quotes: a quotation with no cue of its own continues the speaker before it.
import type { Span } from '../types';
import type { PendingQuote, RawAttribution } from './model';

/** Quotes shorter than this many words with no speaker are scare quotes or titles, not speech. */
export const MIN_SPEECH_WORDS = 4;

/**
 * The attribution a floating quote in a later paragraph may continue: the last one with a
 * speaker, offsets relative to the paragraph it is handed to (so its speaker lies before it).
 */
export interface CarriedSpeaker {
  attribution: RawAttribution;
  /** Sentences from the attribution's sentence to the end of the paragraph handing it on (at most 4). */
  sentences: number;
  /** Paragraphs between that one and the receiving paragraph (at most 1). */
  between: number;
}

/**
 * Floating quotes of one paragraph: a pending quote that opens its sentence continues the
 * attribution before it when that is in this paragraph or the one just before, or within three
 * sentences; the others with enough words are speech with no speaker. Both lists are sorted by
 * start; sentence indices are the paragraph's. `carried` is the attribution before the paragraph.
 */
export function attachFloating(
  attributions: RawAttribution[],
  pending: readonly PendingQuote[],
  carried: CarriedSpeaker | null,
): { attributions: RawAttribution[]; unattributed: Span[] } {
  if (pending.length === 0) return { attributions, unattributed: [] };
  const out: RawAttribution[] = [];
  const unattributed: Span[] = [];
  let i = 0;
  let previous: RawAttribution | undefined = carried?.attribution;
  const near = (p: PendingQuote) => previous !== carried?.attribution || carried!.between === 0 || carried!.sentences + p.sentence <= 3;
  for (const p of pending) {
    while (i < attributions.length && attributions[i]!.quote.start < p.quote.start) {
      previous = attributions[i++]!;
      out.push(previous);
    }
    if (p.opensSentence && previous?.speaker && near(p)) {
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

/** The attribution `p` continues: the speaker before it, with no cue of its own. A literal of fixed shape, not a spread. */
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
