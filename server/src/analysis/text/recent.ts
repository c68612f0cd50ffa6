// The texts of the last few lists of pieces (paragraphs, Markdown pieces) and what was computed
// from each. After an edit, an unchanged piece sits at the same index as before (above the edit)
// or at the same index counted from the end (below it). Comparing it with that one piece is
// several times cheaper than hashing its text for a memo, which an edit of a 100k-word article
// did for 6,000 paragraphs (2 ms of it).

/** One article's pieces: their texts and values by index (holes where nothing was computed). */
export interface RecentList<V> {
  /** What else the values depend on (settings); lists are only matched with the same key. */
  key: string;
  texts: readonly (string | undefined)[];
  values: readonly (V | undefined)[];
}

/** The last few lists: a few documents edited in turn each keep theirs. */
export class RecentLists<V, L extends RecentList<V> = RecentList<V>> {
  private lists: L[] = [];

  constructor(private readonly kept: number) {}

  /** The recent list with this key whose size (by default its number of pieces) is closest to `count`. */
  closest(key: string, count: number, size: (list: L) => number = (list) => list.texts.length): L | undefined {
    let best: L | undefined;
    for (const r of this.lists) {
      if (r.key !== key) continue;
      if (!best || Math.abs(size(r) - count) < Math.abs(size(best) - count)) best = r;
    }
    return best;
  }

  /** Keeps `list` as the most recent, in place of the one it was matched against. */
  remember(list: L, replacing: L | undefined): void {
    this.lists = [list, ...this.lists.filter((r) => r !== replacing)].slice(0, this.kept);
  }

  clear(): void {
    this.lists = [];
  }
}

/** What `previous` computed for piece `i` of `count` if its text was the same at the same place. */
export function atSamePlace<V>(previous: RecentList<V> | undefined, i: number, count: number, text: string): V | undefined {
  if (!previous) return undefined;
  if (previous.texts[i] === text) return previous.values[i];
  const fromEnd = i + previous.texts.length - count;
  return previous.texts[fromEnd] === text ? previous.values[fromEnd] : undefined;
}
