// Finds who said what within one paragraph: transcript labels, direct quotes next to a cue,
// indirect speech frames and quoted words inside a paraphrase. What is left over goes to the
// article-wide floating-quote step (floating.ts).
import { speechActLemma } from '../data/reportingVerbs';
import type { Quote } from '../text/quotes';
import { lastStartingAt } from '../text/spans';
import type { Token } from '../text/tokens';
import type { AttributionKind, Span } from '../types';
import type { Cue, CueLexicon } from './cues';
import { directCue } from './direct';
import { frameOf, subjectAndVerb, type Frame } from './frames';
import { labelledSpeech } from './labelled';
import type { Passage, PendingQuote, RawAttribution, TokenSentence } from './model';
import { speakerKind, type Phrase } from './phrases';
import { record, spanOf, wordCount } from './record';

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

/** Drop leading connectives and trailing commas from a lead piece: "But, the golf industry," -> "the golf industry". */
function trimLead(tokens: readonly Token[], p: Phrase): Phrase {
  let { from, to } = p;
  while (from < to && (/^(?:but|and|so|yet|,)$/i.test(tokens[from]!.text))) from++;
  while (to > from && /^[,;:\-–—]$/.test(tokens[to - 1]!.text)) to--;
  return { from, to: Math.max(from + 1, to) };
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
