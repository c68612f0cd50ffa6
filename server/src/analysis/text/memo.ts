/**
 * A bounded memo keyed by text. A hit only stamps the entry (no map writes: an edit looks up
 * every paragraph of the article); once `limit` is passed, the least recently used tenth goes.
 */
export class TextMemo<V> {
  private readonly entries = new Map<string, { value: V; used: number }>();
  private clock = 0;

  constructor(private readonly limit: number) {}

  get(key: string, compute: (key: string) => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      hit.used = ++this.clock;
      return hit.value;
    }
    // The key is usually a slice of a whole article, and V8 keeps the article alive for as long
    // as the slice (or any string cut from it) lives: each edit's article stayed in memory,
    // 1.2 MB a version at 100k words. A copy of the key, and results cut from the copy, do not.
    const own = ownCopy(key);
    const value = compute(own);
    this.entries.set(own, { value, used: ++this.clock });
    if (this.entries.size > this.limit) this.evict();
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Drops the least recently used tenth: sorting once per `limit / 10` insertions keeps it cheap. */
  private evict(): void {
    const stamps = [...this.entries.values()].map((e) => e.used).sort((a, b) => a - b);
    const cut = stamps[Math.max(0, Math.floor(this.entries.size / 10) - 1)] ?? 0;
    for (const [key, e] of this.entries) if (e.used <= cut) this.entries.delete(key);
  }
}

/**
 * A copy of `s` that shares no memory with the string it was cut from. V8 flattens the
 * concatenation into a new string of `s`'s length, and the slice of that refers to it alone.
 */
export function ownCopy(s: string): string {
  return ` ${s}`.slice(1);
}
