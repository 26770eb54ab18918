/**
 * Segment-level agreement, as MAXQDA: a coded segment agrees when the other coder
 * applied the same code to a segment that overlaps it by at least a chosen share
 * (intersection over the text either segment covers). Both coders' segments are
 * checked, so each segment counts once, as an agreement or a disagreement.
 */
import type { Interval } from './intervals';
import { firstEndingAfter, overlapShare } from './intervals';

export interface SegmentCounts {
  aSegments: number;
  bSegments: number;
  /** A's segments matched by one of B's, and the reverse. */
  aMatched: number;
  bMatched: number;
}

export interface SegmentAgreement extends SegmentCounts {
  /** aMatched + bMatched. */
  agreements: number;
  /** Segments with no match on the other side. */
  disagreements: number;
  /** agreements / (agreements + disagreements); NaN with no segments. */
  percentAgreement: number;
  reason?: string;
}

export const DEFAULT_OVERLAP_PERCENT = 90;

export function emptySegmentCounts(): SegmentCounts {
  return { aSegments: 0, bSegments: 0, aMatched: 0, bMatched: 0 };
}

export function addSegmentCounts(into: SegmentCounts, add: SegmentCounts): SegmentCounts {
  into.aSegments += add.aSegments;
  into.bSegments += add.bSegments;
  into.aMatched += add.aMatched;
  into.bMatched += add.bMatched;
  return into;
}

/** Whether `segment` has a partner in `other` (sorted, disjoint) overlapping by >= percent. */
export function hasMatch(segment: Interval, other: readonly Interval[], overlapPercent: number): boolean {
  for (let i = firstEndingAfter(other, segment.start); i < other.length && other[i]!.start < segment.end; i++) {
    // Compare in percent with a tolerance so 90% of a span of 10 is not lost to rounding.
    if (overlapShare(segment, other[i]!) * 100 >= overlapPercent - 1e-9) return true;
  }
  return false;
}

/** Counts for two coders' segments of one code in one source (each sorted, disjoint). */
export function segmentCounts(a: readonly Interval[], b: readonly Interval[], overlapPercent = DEFAULT_OVERLAP_PERCENT): SegmentCounts {
  if (!(overlapPercent > 0 && overlapPercent <= 100)) throw new RangeError(`overlap must be a percentage above 0 and at most 100; got ${overlapPercent}`);
  let aMatched = 0;
  let bMatched = 0;
  for (const s of a) if (hasMatch(s, b, overlapPercent)) aMatched++;
  for (const s of b) if (hasMatch(s, a, overlapPercent)) bMatched++;
  return { aSegments: a.length, bSegments: b.length, aMatched, bMatched };
}

export function segmentAgreement(counts: SegmentCounts): SegmentAgreement {
  const agreements = counts.aMatched + counts.bMatched;
  const disagreements = counts.aSegments + counts.bSegments - agreements;
  const total = agreements + disagreements;
  return {
    ...counts,
    agreements,
    disagreements,
    percentAgreement: total === 0 ? NaN : agreements / total,
    ...(total === 0 ? { reason: 'neither coder coded a segment' } : {}),
  };
}
