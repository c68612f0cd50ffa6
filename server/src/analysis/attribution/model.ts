// The attribution engine's working types: a paragraph as the local stage reads it, and an
// attribution before its speaker's name is resolved.
import type { Quote } from '../text/quotes';
import type { NameParts } from './resolve';
import type { Token } from '../text/tokens';
import type { AttributionKind, SpeakerKind, Span } from '../types';

/** An attribution before names are resolved. */
export interface RawAttribution {
  kind: AttributionKind;
  quote: Span;
  speaker: Span | null;
  speakerText: string;
  /** The speaker's text read as a name (null without a speaker), from the paragraph stage. */
  speakerParts: NameParts | null;
  speakerKind: SpeakerKind;
  cue: Span | null;
  cueText: string;
  sentence: number;
  /** Floating quote: continues the attribution before it (speaker copied at resolution). */
  floating: boolean;
  /** An apposition describing the speaker: "Mr. Putin’s spokesperson". */
  role: string;
  /** The speaker's name as shown and the person it resolves to: null until resolveNames fills them in. */
  name: string | null;
  person: string | null;
}

/** A sentence of one paragraph with its tagged tokens; offsets relative to the paragraph. */
export interface TokenSentence extends Span {
  index: number;
  tokens: Token[];
}

/** One paragraph's text, sentences and quotations: what the local stage reads. */
export interface Passage {
  prose: string;
  sentences: readonly TokenSentence[];
  quotes: readonly Quote[];
}

/** A quotation no cue attributed within its paragraph: a floating quote or speech with no speaker. */
export interface PendingQuote {
  quote: Span;
  sentence: number;
  /** The quote opens its sentence (perhaps after "But"). */
  opensSentence: boolean;
  words: number;
  /** Its sentence has a reporting cue the local stage could not tie to it. */
  cueNearby: boolean;
}
