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

/** Is `offset` inside one of `spans` (sorted by start, disjoint)? */
export function insideAny(spans: readonly Span[], offset: number): boolean {
  const k = lastStartingAt(spans, offset);
  return k >= 0 && offset < spans[k]!.end;
}

/** Index of the last of the sorted `values` at or before `offset`, or -1: the line, or the piece, an offset is in. */
export function lastAtOrBefore(values: readonly number[], offset: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}
