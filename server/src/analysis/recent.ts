// The paragraphs of the last few analyses. After an edit, an unchanged paragraph sits at the same
// index as before (above the edit) or at the same index counted from the end (below it). Comparing
// it with that one paragraph is several times cheaper than hashing its text for the memo, which an
// edit of a 100k-word article did for 6,000 paragraphs (2 ms of it).
import type { BlockAnalysis } from './block';

/** One analysis' paragraphs: texts, whether each was a heading, and their local analyses. */
export interface RecentArticle {
  settingsKey: string;
  texts: readonly string[];
  headings: readonly boolean[];
  locals: readonly BlockAnalysis[];
}

/** A few documents edited in turn each keep theirs. */
const KEPT = 4;
let recent: RecentArticle[] = [];

/** The recent analysis most like one of `count` paragraphs with these settings. */
export function recentArticle(settingsKey: string, count: number): RecentArticle | undefined {
  let best: RecentArticle | undefined;
  for (const r of recent) {
    if (r.settingsKey !== settingsKey) continue;
    if (!best || Math.abs(r.texts.length - count) < Math.abs(best.texts.length - count)) best = r;
  }
  return best;
}

/** The local analysis of paragraph `i` of `count` if `previous` had the same text at the same place. */
export function unchangedParagraph(previous: RecentArticle, i: number, count: number, text: string, heading: boolean): BlockAnalysis | undefined {
  const fromEnd = i + previous.texts.length - count;
  if (previous.texts[i] === text && previous.headings[i] === heading) return previous.locals[i];
  if (previous.texts[fromEnd] === text && previous.headings[fromEnd] === heading) return previous.locals[fromEnd];
  return undefined;
}

export function rememberArticle(article: RecentArticle, replacing: RecentArticle | undefined): void {
  recent = [article, ...recent.filter((r) => r !== replacing)].slice(0, KEPT);
}

export function clearRecentArticles(): void {
  recent = [];
}
