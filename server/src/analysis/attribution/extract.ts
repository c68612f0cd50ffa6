// Finds who said what: direct quotes next to a cue, indirect speech frames, quoted words inside a
// paraphrase, and floating quotes that continue the previous speaker.
import type { Quote } from '../text/quotes';
import { lastStartingAt } from '../text/spans';
import type { AttributionKind, SpeakerKind, Span } from '../types';
import { has, isCapitalised, type Token } from '../text/tokens';
import type { Cue, CueLexicon } from './cues';
import { frameOf, sentenceSubject, subjectAndVerb, subjectOf, type Frame } from './frames';
import { phraseAt, speakerKind, type Phrase } from './phrases';
import { speechActLemma } from '../data/reportingVerbs';

/** An attribution before names are resolved. */
export interface RawAttribution {
  kind: AttributionKind;
  quote: Span;
  speaker: Span | null;
  speakerText: string;
  speakerKind: SpeakerKind;
  cue: Span | null;
  cueText: string;
  sentence: number;
  /** Floating quote: continues the attribution before it (speaker copied at resolution). */
  floating: boolean;
  /** An apposition describing the speaker: "Mr. Putin’s spokesperson". */
  role: string;
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

/** Quotes shorter than this many words with no speaker are scare quotes or titles, not speech. */
export const MIN_SPEECH_WORDS = 4;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * The attributions of one paragraph: direct quotes next to a cue, indirect speech, quoted words in a
 * paraphrase. Quotes left over are returned as pending for the article-wide floating-quote step.
 */
export function extractLocal(article: Passage, lexicon: CueLexicon): { attributions: RawAttribution[]; pending: PendingQuote[] } {
  const labelled = labelledSpeech(article);
  if (labelled) return { attributions: [labelled], pending: [] };
  const out: RawAttribution[] = [];
  const quoteDone = new Set<Quote>();
  const withCue = new Set<number>();
  for (const s of article.sentences) {
    const quotes = quotesOver(article.quotes, s);
    const inQuote = (t: Token) => quotes.some((q) => t.start > q.start && t.end < q.end);
    const cues = lexicon.find(s.tokens, inQuote);
    if (cues.length > 0) withCue.add(s.index);
    const used = new Set<Cue>();
    const cueSpeakers = new Map<Cue, Phrase | null>();
    const firstHere = out.length;
    // 1. Direct quotes with a cue right after or right before them.
    for (const q of quotes) {
      if (quoteDone.has(q)) continue;
      const hit = directCue(s, q, cues, used, cueSpeakers);
      if (!hit) continue;
      used.add(hit.cue);
      cueSpeakers.set(hit.cue, hit.speaker);
      quoteDone.add(q);
      out.push(record(article, s, 'direct', q, hit.speaker, hit.cue));
    }
    // 2. Indirect speech around the remaining cues.
    const frames: Frame[] = [];
    for (const c of cues) {
      if (used.has(c)) continue;
      const f = frameOf(s.tokens, c);
      if (f && !frameInsideQuote(s, f, quotes)) frames.push(f);
    }
    trimOverlaps(s.tokens, frames);
    for (const f of frames) {
      const content = spanOf(s.tokens, f.content);
      if (wordCount(article.prose.slice(content.start, content.end)) < 2) continue;
      const inner = quotes.filter((q) => q.start >= content.start && q.end <= content.end);
      const whole = inner.find((q) => q.start <= content.start + 1 && q.end >= content.end - 1);
      inner.forEach((q) => quoteDone.add(q));
      if (whole) {
        out.push(record(article, s, 'direct', whole, f.speaker, f.cue));
        continue;
      }
      const kind: AttributionKind = inner.length > 0 || quotes.some((q) => q.start < content.end && q.end > content.start) ? 'mixed' : 'indirect';
      out.push(record(article, s, kind, content, f.speaker, f.cue));
      if (f.lead) {
        const lead = spanOf(s.tokens, trimLead(s.tokens, f.lead));
        if (wordCount(article.prose.slice(lead.start, lead.end)) >= 2) out.push(record(article, s, 'indirect', lead, f.speaker, f.cue));
      }
      // Only the outermost attribution counts: a quote inside this content is part of it.
      for (let k = out.length - 2; k >= firstHere; k--) {
        const d = out[k]!;
        if (d.sentence === s.index && d.kind === 'direct' && d.quote.start >= content.start && d.quote.end <= content.end) out.splice(k, 1);
      }
    }
    // 3. Quoted words inside a paraphrase belong to the sentence's subject: "He ordered ... “as soon as possible”".
    for (const q of quotes) {
      if (quoteDone.has(q) || q.start < s.start || q.start === s.start) continue;
      const main = subjectAndVerb(s.tokens);
      if (!main) continue;
      const { subject, verb: verbAt } = main;
      const kind = speakerKind(s.tokens, subject);
      if (kind !== 'person' && kind !== 'pronoun') continue;
      if (s.tokens[verbAt]!.start > q.start || !speechActLemma(s.tokens[verbAt]!.text)) continue;
      quoteDone.add(q);
      out.push(record(article, s, 'direct', q, subject, { from: verbAt, to: verbAt + 1, lemma: s.tokens[verbAt]!.lower, type: 'verb' }));
    }
  }
  const pending: PendingQuote[] = [];
  for (const q of article.quotes) {
    if (quoteDone.has(q)) continue;
    const k = lastStartingAt(article.sentences, q.start);
    const sentence = k >= 0 && q.start < article.sentences[k]!.end ? article.sentences[k]! : article.sentences[article.sentences.length - 1]!;
    // Opens its sentence, perhaps after a connective: "But “Donald Trump's candidacy ...”".
    const opensSentence = /^\s*(?:(?:but|and|still|yet|so|now|then|again),?\s*)?$/i.test(article.prose.slice(sentence.start, q.start));
    pending.push({ quote: { start: q.start, end: q.end }, sentence: sentence.index, opensSentence, words: wordCount(article.prose.slice(q.start, q.end)), cueNearby: withCue.has(sentence.index) });
  }
  return { attributions: out, pending };
}

/** The quotes overlapping `s`: a run of the sorted, disjoint quotes, found without scanning them all. */
function quotesOver(quotes: readonly Quote[], s: Span): Quote[] {
  let k = Math.max(0, lastStartingAt(quotes, s.start));
  if (quotes[k] && quotes[k]!.end <= s.start) k++;
  const out: Quote[] = [];
  for (; k < quotes.length && quotes[k]!.start < s.end; k++) if (quotes[k]!.end > s.start) out.push(quotes[k]!);
  return out;
}

/** Words that end in a colon at a paragraph's start but label the paragraph, not a speaker. */
const LABELS = new Set(['update', 'updated', 'note', 'editor', 'editors', 'correction', 'corrections', 'related', 'photo', 'photos', 'video', 'audio', 'source', 'sources', 'read', 'watch', 'listen', 'transcript', 'question', 'answer', 'q', 'a', 'warning', 'disclaimer', 'breaking', 'exclusive', 'live', 'opinion', 'analysis', 'summary', 'abstract', 'text', 'full', 'by', 'caption', 'credit', 'credits', 'image', 'images', 'graphic', 'map', 'chart', 'table', 'timeline', 'background', 'context', 'tags', 'topics', 'subscribe', 'advertisement', 'ps', 'p.s', 'tl;dr', 'tldr', 'fact', 'facts', 'key', 'contact', 'email', 'phone', 'location', 'date', 'time', 'where', 'when', 'what', 'why', 'how', 'who']);

/**
 * Transcripts and headlines: "TAPPER: Do you think ...", "Sanders: Clinton email story has moved".
 * The paragraph opens with a short name and a colon; the rest of the paragraph is what they said.
 */
function labelledSpeech(article: Passage): RawAttribution | null {
  const s = article.sentences[0];
  if (!s) return null;
  const tokens = s.tokens;
  const colon = tokens.findIndex((t, k) => k > 0 && k <= 6 && t.text === ':');
  if (colon < 0 || !isCapitalised(tokens[0])) return null;
  const label = tokens.slice(0, colon);
  // Not a label ("Update:"), a time ("3 p.m.:") or a dateline ("WASHINGTON:").
  const notSpeaker = (t: Token) => /\d/.test(t.text) || LABELS.has(t.lower) || ['Place', 'City', 'Country', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb'].some((g) => has(t, g)) || (t.isWord && !/^\p{Lu}/u.test(t.text) && !has(t, 'Noun'));
  if (label.some(notSpeaker)) return null;
  const sp = phraseAt(tokens, 0);
  if (!sp || sp.to !== colon) return null;
  const start = tokens[colon + 1]?.start;
  if (start === undefined) return null;
  let end = article.prose.length;
  while (end > start && /[\s.!?,;:]/.test(article.prose[end - 1] ?? '')) end--;
  const content = { start, end };
  if (wordCount(article.prose.slice(start, end)) < 2) return null;
  const quoted = article.quotes.find((q) => q.start <= start && q.end >= end - 1);
  const kind: AttributionKind = quoted ? 'direct' : article.quotes.some((q) => q.start < end && q.end > start) ? 'mixed' : 'indirect';
  return record(article, s, kind, quoted ?? content, sp, { from: colon, to: colon + 1, lemma: ':', type: 'verb' });
}

/**
 * Floating quotes, article-wide: a pending quote that opens its sentence continues the attribution
 * before it (within three sentences); the others with enough words are speech with no speaker.
 * Both lists are sorted by start; sentence indices are article-wide.
 */
export function attachFloating(attributions: RawAttribution[], pending: readonly PendingQuote[]): { attributions: RawAttribution[]; unattributed: Span[] } {
  const out: RawAttribution[] = [];
  const unattributed: Span[] = [];
  let i = 0;
  let previous: RawAttribution | undefined;
  for (const p of pending) {
    while (i < attributions.length && attributions[i]!.quote.start < p.quote.start) {
      previous = attributions[i++]!;
      out.push(previous);
    }
    if (p.opensSentence && previous?.speaker && p.sentence - previous.sentence <= 3) {
      previous = { ...previous, kind: 'direct', quote: p.quote, cue: null, cueText: '', sentence: p.sentence, floating: true };
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

/** Drop leading connectives and trailing commas from a lead piece: "But, the golf industry," -> "the golf industry". */
function trimLead(tokens: readonly Token[], p: Phrase): Phrase {
  let { from, to } = p;
  while (from < to && (/^(?:but|and|so|yet|,)$/i.test(tokens[from]!.text))) from++;
  while (to > from && /^[,;:\-–—]$/.test(tokens[to - 1]!.text)) to--;
  return { from, to: Math.max(from + 1, to) };
}

const spanOf = (tokens: readonly Token[], p: Phrase): Span => ({ start: tokens[p.from]!.start, end: tokens[p.to - 1]!.end });

function record(article: Passage, s: TokenSentence, kind: AttributionKind, quote: Span, speaker: Phrase | null, cue: Cue): RawAttribution {
  const sp = speaker ? spanOf(s.tokens, speaker) : null;
  const cueSpan = spanOf(s.tokens, cue);
  return {
    kind,
    quote: { start: quote.start, end: quote.end },
    speaker: sp,
    speakerText: sp ? article.prose.slice(sp.start, sp.end) : '',
    speakerKind: speaker ? speakerKind(s.tokens, speaker) : 'unknown',
    cue: cueSpan,
    cueText: cuePhrase(s.tokens, cue),
    sentence: s.index,
    floating: false,
    role: speaker ? roleAfter(article, s.tokens, speaker, cue, quote) : '',
  };
}

/** "Dmitri S. Peskov, Mr. Putin’s spokesperson, told": the words between the commas after a name. */
function roleAfter(article: Passage, tokens: readonly Token[], sp: Phrase, cue: Cue, quote: Span): string {
  if (tokens[sp.to]?.text !== ',') return '';
  const from = sp.to + 1;
  let to = from;
  const stop = cue.from > sp.to ? cue.from : tokens.length;
  const abbrev = (k: number) => tokens[k]!.text === '.' && /^\p{Lu}\p{Ll}{0,3}$/u.test(tokens[k - 1]?.text ?? '');
  while (to < stop && to - from < 30 && tokens[to]!.text !== ',' && (!/^[.;:!?"“”]$/.test(tokens[to]!.text) || abbrev(to))) to++;
  if (to === from || (to < stop && tokens[to]!.text !== ',' && to !== tokens.length - 1 && cue.from < sp.to)) return '';
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

/** A cue next to quote `q`: `“...,” Trump said`, `“...,” said Charap`, `Trump said: “...”`. */
function directCue(s: TokenSentence, q: Quote, cues: readonly Cue[], used: ReadonlySet<Cue>, cueSpeakers: ReadonlyMap<Cue, Phrase | null>): { cue: Cue; speaker: Phrase | null } | null {
  const tokens = s.tokens;
  // After the closing mark.
  if (q.end <= s.end) {
    let k = tokens.findIndex((t) => t.start >= q.end);
    if (k >= 0) {
      while (tokens[k] && /^[,\-–—]$/.test(tokens[k]!.text)) k++;
      const atK = cues.find((c) => c.from === k && !used.has(c));
      if (atK && atK.type !== 'participle') {
        const sp = phraseAt(tokens, atK.to);
        if (sp) return { cue: atK, speaker: sp };
      }
      const sp = phraseAt(tokens, k);
      if (sp) {
        let j = sp.to;
        if (tokens[j]?.text === ',') {
          const close = tokens.findIndex((t, n) => n > j && n < j + 14 && t.text === ',');
          if (close > 0) j = close + 1;
        }
        while (tokens[j] && (has(tokens[j]!, 'Adverb') || ['also', 'later', 'then', 'has', 'had'].includes(tokens[j]!.lower))) j++;
        const c = cues.find((x) => x.from === j && !used.has(x) && x.type !== 'according');
        if (c) return { cue: c, speaker: sp };
      }
    }
  }
  // Before the opening mark: "Trump said: “...”", "He added, “...”", "Smith told reporters in a statement: “...”".
  const qi = tokens.findIndex((t) => t.start >= q.start);
  const limit = qi < 0 ? tokens.length : qi;
  // A quote running on into more of the clause ("said “it gets me mad” every time ...") is reported speech.
  const afterClose = tokens.find((t) => t.start >= q.end);
  if (afterClose && afterClose.isWord && q.end <= s.end) return null;
  // `“A,” he said, “B.”`: the second piece shares the first one's cue.
  const sharesCue = (c: Cue) => used.has(c) && limit - c.to <= 1 && tokens[c.to]?.text === ',';
  const before = cues.filter((c) => c.to <= limit && limit - c.to <= 8 && (!used.has(c) || sharesCue(c)));
  const c = before[before.length - 1];
  if (!c) return null;
  if (used.has(c)) return { cue: c, speaker: cueSpeakers.get(c) ?? null };
  const gap = tokens.slice(c.to, limit);
  if (gap.some((t) => t.lower === 'that' || t.text === '.' || t.text === '”' || t.text === '"' || (has(t, 'Verb') && !has(t, 'Noun')))) return null;
  if (c.type === 'according') {
    const sp = phraseAt(tokens, c.to);
    return sp ? { cue: c, speaker: sp } : null;
  }
  const sp = c.type === 'participle' ? sentenceSubject(tokens) : subjectOf(tokens, c.from, 0);
  return sp ? { cue: c, speaker: sp } : null;
}

/** A frame whose cue and speaker sit inside one quotation is the quote's own words. */
function frameInsideQuote(s: TokenSentence, f: Frame, quotes: readonly Quote[]): boolean {
  const cueAt = s.tokens[f.cue.from]!.start;
  return quotes.some((q) => cueAt > q.start && cueAt < q.end);
}

/** Two frames in one sentence: "A said that X, and he told reporters that Y" -> X ends before ", and he". */
function trimOverlaps(tokens: readonly Token[], frames: Frame[]): void {
  frames.sort((a, b) => a.cue.from - b.cue.from);
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!;
    for (let j = i + 1; j < frames.length; j++) {
      const g = frames[j]!;
      const boundary = g.forward && g.speaker ? g.speaker.from : g.cue.from;
      if (f.content.to > boundary && f.content.from < boundary) {
        let to = boundary;
        while (to > f.content.from && /^(?:,|;|and|but|while|as|or)$/i.test(tokens[to - 1]!.text)) to--;
        f.content = { from: f.content.from, to };
      }
    }
  }
  // A frame whose content swallows a later frame's cue (content before a cue) keeps its own part only.
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    if (f.content.to <= f.content.from) frames.splice(i, 1);
  }
}
