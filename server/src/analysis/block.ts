// The local stage: everything that depends on one paragraph's text alone, computed once per
// distinct paragraph and memoised. An edit re-runs this for the paragraph that changed; the
// article-wide steps (run-on quotes, floating quotes, names, notes, rules) are cheap and linear.
import type { CueLexicon } from './attribution/cues';
import { extractLocal } from './attribution/extract';
import type { PendingQuote, RawAttribution, TokenSentence } from './attribution/model';
import { nameRuns, personSubject, type NameRun, type PersonSubject } from './attribution/resolve';
import { claimTrigger, isByline, type Trigger } from './claims';
import { tagParagraph } from './nlp';
import { TextMemo } from './text/memo';
import { scanQuotes, type Quote } from './text/quotes';
import { lastStartingAt } from './text/spans';
import { splitSentences } from './text/sentences';
import { tokenize } from './text/tokens';
import { findPhrases, type PhraseHit } from './vagueness';
import type { Span } from './types';

/** A sentence as the rules see it. Offsets are relative to the paragraph here. */
export interface LocalSentence extends Span {
  /** Why the sentence is check-worthy, when it may be flagged as a claim at all. */
  trigger: Trigger | null;
}

/** Everything the article-wide steps need from one paragraph. Offsets relative to the paragraph. */
export interface BlockAnalysis {
  /** Analysed as a heading (no claims). */
  heading: boolean;
  sentences: LocalSentence[];
  quotes: Quote[];
  unbalanced: Span[];
  startsWithOpen: boolean;
  attributions: RawAttribution[];
  pending: PendingQuote[];
  names: NameRun[];
  subjects: PersonSubject[];
  phrases: PhraseHit[];
}

/** Settings that change the local stage; part of the cache key. */
export interface LocalSettings {
  heading: boolean;
  lexicon: CueLexicon;
  vaguePhrases: readonly string[];
  /** Identifies the lexicon and the vague phrases: built once per analysis, not per paragraph. */
  settingsKey: string;
}

// A 100k-word article has ~6,000 paragraphs; the bound keeps several large documents warm.
// One memo per combination of settings, keyed by the paragraph's text alone: building a combined
// key string for each paragraph on each edit cost 9 ms at 100k words.
const memos = new Map<string, TextMemo<BlockAnalysis>>();

export function analyseBlock(prose: string, settings: LocalSettings): BlockAnalysis {
  const settingsKey = (settings.heading ? 'h' : 'p') + settings.settingsKey;
  let memo = memos.get(settingsKey);
  if (!memo) {
    // Settings change rarely; a few combinations are kept (headings and paragraphs count as two).
    if (memos.size >= 8) memos.clear();
    memo = new TextMemo<BlockAnalysis>(20_000);
    memos.set(settingsKey, memo);
  }
  return memo.get(prose, () => computeBlock(prose, settings));
}

/** Drop every memoised paragraph (benchmarks measure cold runs with it). */
export function clearBlockCache(): void {
  memos.clear();
}

function computeBlock(prose: string, settings: LocalSettings): BlockAnalysis {
  const tags = tagParagraph(prose);
  const sentences: TokenSentence[] = splitSentences(prose, { start: 0, end: prose.length }).map((s, index) => {
    const tokens = tokenize(prose, s.start, s.end);
    for (const t of tokens) {
      const tg = t.isWord ? tags.get(t.start) : undefined;
      if (tg) t.tags = tg;
    }
    return { start: s.start, end: s.end, index, tokens };
  });
  const scan = scanQuotes(prose);
  const { attributions, pending } = extractLocal({ prose, sentences, quotes: scan.quotes }, settings.lexicon);
  return {
    heading: settings.heading,
    sentences: sentences.map((s) => ({ start: s.start, end: s.end, trigger: claimable(prose, s, scan.quotes, settings.heading) ? claimTrigger(s, prose) : null })),
    quotes: scan.quotes,
    unbalanced: scan.unbalanced,
    startsWithOpen: scan.startsWithOpen,
    attributions,
    pending,
    names: sentences.flatMap((s) => nameRuns(s.tokens)),
    subjects: sentences.flatMap((s) => personSubject(s.tokens) ?? []),
    phrases: findPhrases(prose, scan.quotes, settings.vaguePhrases),
  };
}

/**
 * Ends with a question mark, perhaps inside a closing quote. Not /\?\s*["”’»]?\s*$/: unanchored,
 * that pattern is quadratic on a question mark followed by a long run of spaces (a blanked URL).
 */
function isQuestion(text: string): boolean {
  let t = text.trimEnd();
  if (/["”’»]$/.test(t)) t = t.slice(0, -1).trimEnd();
  return t.endsWith('?');
}

/** Not a heading, question, byline, fragment or a sentence inside a quotation. */
function claimable(prose: string, s: TokenSentence, quotes: readonly Quote[], heading: boolean): boolean {
  if (heading) return false;
  const text = prose.slice(s.start, s.end);
  if (isQuestion(text) || isByline(text)) return false;
  if (s.tokens.filter((t) => t.isWord).length < 6) return false;
  // Sentences inside a quotation are the speaker's words, not the reporter's claims.
  const q = quotes[lastStartingAt(quotes, s.start)];
  return !(q && q.end >= s.end);
}
