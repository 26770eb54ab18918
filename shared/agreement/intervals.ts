/**
 * Sorted, disjoint interval lists: the shape agreement works on. Text is never expanded
 * into per-character arrays, so cost follows the number of codings, not the text length.
 */

export interface Interval {
  start: number;
  end: number;
}

/** Union of spans as sorted, disjoint intervals; overlapping and touching spans join, empty ones drop. */
export function unionIntervals(spans: readonly Interval[]): Interval[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) last.end = s.end;
    } else {
      out.push({ start: s.start, end: s.end });
    }
  }
  return out;
}

/** Characters covered by a union (sorted, disjoint). */
export function coveredLength(union: readonly Interval[]): number {
  let total = 0;
  for (const s of union) total += s.end - s.start;
  return total;
}

/** Characters covered by both of two unions, by one sweep over both. */
export function intersectionLength(a: readonly Interval[], b: readonly Interval[]): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const lo = Math.max(x.start, y.start);
    const hi = Math.min(x.end, y.end);
    if (hi > lo) total += hi - lo;
    if (x.end <= y.end) i++;
    else j++;
  }
  return total;
}

/** Overlap of two spans as a share of the text either covers (intersection / union), 0..1. */
export function overlapShare(a: Interval, b: Interval): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** Index of the first interval of a union that ends after `pos` (binary search). */
export function firstEndingAfter(union: readonly Interval[], pos: number): number {
  let lo = 0;
  let hi = union.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (union[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
