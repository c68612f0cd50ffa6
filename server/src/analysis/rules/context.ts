import type { Article, Sentence } from '../article';
import { TextMemo } from '../text/memo';
import type { AnalyseOptions, Attribution, FindingData, RuleId, Span } from '../types';

/** {@link FindingData} as a rule reports it: where the ignore marker goes follows from the finding's start. */
export type RuleFindingData = Omit<FindingData, 'lineStart'>;

/** A finding as a rule reports it; severity and ignore markers are applied by the registry. */
export interface RuleFinding extends Span {
  message: string;
  /** The fix data; `lineStart` is filled in by the registry from the finding's start. */
  data: RuleFindingData;
}

/** A rule: a small object in the registry. */
export interface Rule {
  id: RuleId;
  check(ctx: RuleContext): RuleFinding[];
}

/** Everything a rule may read: the article parsed once, and the attributions found in it. */
export interface RuleContext {
  article: Article;
  attributions: readonly Attribution[];
  unattributed: readonly Span[];
  options: AnalyseOptions;
  /** The sentence containing `offset` (or the last one before it). */
  sentenceAt(offset: number): Sentence | undefined;
  /** Is the sentence followed by a note reference `[^id]`? */
  hasNote(sentence: Sentence): boolean;
  /**
   * Fix data for a finding on `sentence`, completing `extra` in place (pass a fresh object):
   * `source` pre-fills the note; `sourceKey` (default `source`) names its id (`peskov-1`).
   */
  fixData(sentence: Sentence, extra: Partial<Omit<RuleFindingData, 'insertAt' | 'suggestedId'>>, sourceKey?: string): RuleFindingData;
}

/** "Dmitri S. Peskov" -> "peskov"; "two people familiar with the issue" -> "issue". */
export function slug(name: string | undefined, fallback: string): string {
  const last = slugWord(name ?? '');
  return last && last.length > 1 ? last : fallback;
}

// Names repeat across an article and across edits: their slugs are memoised.
const slugWords = new TextMemo<string | undefined>(10_000);
const slugWord = (name: string): string | undefined =>
  slugWords.get(name, () => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '').pop());
