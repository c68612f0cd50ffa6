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
  // Claims have no name: half of an article's findings, spared a memo lookup on every edit.
  if (!name) return fallback;
  const last = slugWords.get(name, slugWord);
  return last && last.length > 1 ? last : fallback;
}

// Names repeat across an article and across edits: their slugs are memoised.
const slugWords = new TextMemo<string | undefined>(10_000);
const slugWord = (name: string): string | undefined =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '').pop();

/**
 * Numbers suggested note ids per slug (`peskov-1`, `peskov-2`, `claim-1` ...) in the order asked,
 * skipping the ids the article already uses. One per analysis. The id strings are made once and
 * kept across edits, and one map lookup per finding does it all: this runs for every finding of
 * the article on every edit.
 */
export class NoteIds {
  private readonly counters = new Map<string, { next: number; ids: string[] }>();

  constructor(private readonly taken: ReadonlySet<string>) {}

  next(base: string): string {
    let counter = this.counters.get(base);
    if (!counter) this.counters.set(base, (counter = { next: 1, ids: numberedIds(base) }));
    let n = counter.next;
    while (this.taken.size > 0 && this.taken.has(idAt(counter.ids, base, n))) n++;
    counter.next = n + 1;
    return idAt(counter.ids, base, n);
  }
}

/** `${base}-${n}`, made once into the kept list. */
const idAt = (ids: string[], base: string, n: number): string => (ids[n] ??= `${base}-${n}`);

const numberedIdLists = new Map<string, string[]>();
/** The kept list of `${base}-${n}` strings for `base`, by `n`. */
function numberedIds(base: string): string[] {
  let ids = numberedIdLists.get(base);
  if (!ids) {
    if (numberedIdLists.size >= 10_000) numberedIdLists.clear();
    numberedIdLists.set(base, (ids = []));
  }
  return ids;
}
