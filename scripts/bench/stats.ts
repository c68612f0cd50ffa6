// Small statistics and formatting helpers for the benchmark table.

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const min = (xs: readonly number[]): number => Math.min(...xs);
export const max = (xs: readonly number[]): number => Math.max(...xs);

/** Milliseconds with sensible precision: 0.42, 4.2, 42, 4200. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x < 1) return x.toFixed(2);
  if (x < 10) return x.toFixed(1);
  return x.toFixed(0);
}

/** `median [min-max]` of timings in ms. */
export function spread(xs: readonly number[]): string {
  return `${ms(median(xs))} [${ms(min(xs))}-${ms(max(xs))}]`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function thousands(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** Runs `fn` and returns its wall time in ms. */
export function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
