import type { Span } from '../types';

/**
 * Index of the last of `spans` (sorted by start) that starts at or before `offset`, or -1.
 * Binary search: with sorted, disjoint spans this is the only one that can contain `offset`.
 */
export function lastStartingAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}
