// Transcripts and headlines: "TAPPER: Do you think ...", "Sanders: Clinton email story has moved".
import { has, isCapitalised, type Token } from '../text/tokens';
import type { AttributionKind } from '../types';
import type { Passage, RawAttribution } from './model';
import { phraseAt } from './phrases';
import { record, wordCount } from './record';

/** Words that end in a colon at a paragraph's start but label the paragraph, not a speaker. */
const LABELS = new Set(['update', 'updated', 'note', 'editor', 'editors', 'correction', 'corrections', 'related', 'photo', 'photos', 'video', 'audio', 'source', 'sources', 'read', 'watch', 'listen', 'transcript', 'question', 'answer', 'q', 'a', 'warning', 'disclaimer', 'breaking', 'exclusive', 'live', 'opinion', 'analysis', 'summary', 'abstract', 'text', 'full', 'by', 'caption', 'credit', 'credits', 'image', 'images', 'graphic', 'map', 'chart', 'table', 'timeline', 'background', 'context', 'tags', 'topics', 'subscribe', 'advertisement', 'ps', 'p.s', 'tl;dr', 'tldr', 'fact', 'facts', 'key', 'contact', 'email', 'phone', 'location', 'date', 'time', 'where', 'when', 'what', 'why', 'how', 'who']);

/**
 * Transcripts and headlines: "TAPPER: Do you think ...", "Sanders: Clinton email story has moved".
 * The paragraph opens with a short name and a colon; the rest of the paragraph is what they said.
 */
export function labelledSpeech(article: Passage): RawAttribution | null {
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
