import type { LocalSentence } from '../block';
import { TextMemo } from '../text/memo';
import type { PhraseHit } from '../vagueness';
import type { AnalyseOptions, Attribution, FindingData, Notes, RuleId, Span } from '../types';

/**
 * {@link FindingData} as a rule reports it. Offsets are the paragraph's; `suggestedId` holds the
 * id's base (`peskov`) until the article numbers it (`peskov-2`); `lineStart` follows from where
 * the finding is.
 */
export type RuleFindingData = Omit<FindingData, 'lineStart'>;

/** A finding as a rule reports it; severity and ignore markers are applied by the registry. */
export interface RuleFinding extends Span {
  message: string;
  data: RuleFindingData;
}

/**
 * A rule over one paragraph at a time: its findings are kept with the paragraph and found again
 * while the paragraph and what it depends on are unchanged.
 */
export interface ParagraphRule {
  id: RuleId;
  scope: 'paragraph';
  check(ctx: ParagraphContext): RuleFinding[];
}

/** A rule over the whole article (source notes live outside paragraphs); run on every analysis. */
export interface ArticleRule {
  id: RuleId;
  scope: 'article';
  check(ctx: ArticleContext): RuleFinding[];
}

export type Rule = ParagraphRule | ArticleRule;

/** Everything a paragraph rule may read. Offsets are relative to the paragraph's start. */
export interface ParagraphContext {
  sentences: readonly LocalSentence[];
  /** Sorted by quote. A floating quote's speaker may lie in an earlier paragraph (negative offsets). */
  attributions: readonly Attribution[];
  unattributed: readonly Span[];
  unbalanced: readonly Span[];
  /** Vague and anonymous phrases outside quotations. */
  phrases: readonly PhraseHit[];
  /** Starts of speakers here whose floating quotes in later paragraphs carry a source note. */
  notedLater: readonly number[];
  options: AnalyseOptions;
  /** The index of the sentence containing `offset` (or the last one before it). */
  sentenceAt(offset: number): number;
  /** Is sentence `k` followed by a note reference `[^id]`? */
  hasNote(k: number): boolean;
  /** The article's own text (markup included) at these offsets. */
  source(start: number, end: number): string;
  /**
   * Fix data for a finding on sentence `k`, completing `extra` in place (pass a fresh object):
   * `source` pre-fills the note; `sourceKey` (default `source`) names its id (`peskov-1`).
   */
  fixData(k: number, extra: Partial<Omit<RuleFindingData, 'insertAt' | 'suggestedId'>>, sourceKey?: string): RuleFindingData;
}

/** What an article rule reads: the source notes. Offsets are the article's. */
export interface ArticleContext {
  notes: Notes;
  options: AnalyseOptions;
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
