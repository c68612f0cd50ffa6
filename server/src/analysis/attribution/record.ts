// Turning token positions into attribution records: spans, the cue as a phrase, the speaker's role.
import { has, type Token } from '../text/tokens';
import type { AttributionKind, Span } from '../types';
import type { Cue } from './cues';
import type { Passage, RawAttribution, TokenSentence } from './model';
import { phraseAt, speakerKind, type Phrase } from './phrases';
import { nameParts } from './resolve';

export const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

export const spanOf = (tokens: readonly Token[], p: Phrase): Span => ({ start: tokens[p.from]!.start, end: tokens[p.to - 1]!.end });

export function record(article: Passage, s: TokenSentence, kind: AttributionKind, quote: Span, speaker: Phrase | null, cue: Cue): RawAttribution {
  const sp = speaker ? spanOf(s.tokens, speaker) : null;
  const cueSpan = spanOf(s.tokens, cue);
  const speakerText = sp ? article.prose.slice(sp.start, sp.end) : '';
  return {
    kind,
    quote: { start: quote.start, end: quote.end },
    speaker: sp,
    speakerText,
    speakerParts: sp ? nameParts(speakerText) : null,
    speakerKind: speaker ? speakerKind(s.tokens, speaker) : 'unknown',
    cue: cueSpan,
    cueText: cuePhrase(s.tokens, cue),
    sentence: s.index,
    floating: false,
    role: speaker ? roleAfter(article, s.tokens, speaker, cue, quote) : '',
    name: null,
    person: null,
  };
}

/** "Dmitri S. Peskov, Mr. Putin’s spokesperson, told": the words between the commas after a name. */
function roleAfter(article: Passage, tokens: readonly Token[], sp: Phrase, cue: Cue, quote: Span): string {
  // The role sits between commas or dashes: "Peskov, Mr. Putin’s spokesperson," / "Lopez — a baker —".
  const delimiter = tokens[sp.to]?.text;
  if (delimiter !== ',' && delimiter !== '—' && delimiter !== '–') return '';
  const from = sp.to + 1;
  let to = from;
  const stop = cue.from > sp.to ? cue.from : tokens.length;
  const abbrev = (k: number) => tokens[k]!.text === '.' && /^\p{Lu}\p{Ll}{0,3}$/u.test(tokens[k - 1]?.text ?? '');
  while (to < stop && to - from < 30 && tokens[to]!.text !== delimiter && (!/^[.;:!?"“”]$/.test(tokens[to]!.text) || abbrev(to))) to++;
  if (to === from || (to < stop && tokens[to]!.text !== delimiter && to !== tokens.length - 1 && cue.from < sp.to)) return '';
  const first = tokens[from]!;
  const start = first.start;
  const end = tokens[to - 1]!.end;
  if (start < quote.end && end > quote.start) return '';
  if (/^[A-Z]/.test(first.text) && !/^(?:a|an|the|who|whose)$/i.test(first.text) && !has(first, 'Adjective') && !has(first, 'Possessive') && !has(first, 'ProperNoun')) return '';
  return article.prose.slice(start, end);
}

/** "told journalists", "said in a statement": the cue plus a short object for messages. */
function cuePhrase(tokens: readonly Token[], cue: Cue): string {
  const words = tokens.slice(cue.from, cue.to).map((t) => t.text);
  const next = tokens[cue.to];
  if (cue.lemma === 'tell' && next && ['journalists', 'reporters', 'the'].includes(next.lower)) {
    const obj = phraseAt(tokens, cue.to);
    if (obj && obj.to - obj.from <= 3) words.push(...tokens.slice(obj.from, obj.to).map((t) => t.text));
  }
  const phrase = words.join(' ').replace(/ \. /g, '. ');
  // "According to" opening a sentence reads "according to" in a message.
  return /^\p{Lu}\p{Ll}/u.test(phrase) ? phrase[0]!.toLowerCase() + phrase.slice(1) : phrase;
}
