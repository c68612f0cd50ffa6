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
    const value = compute(key);
    this.entries.set(key, { value, used: ++this.clock });
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
