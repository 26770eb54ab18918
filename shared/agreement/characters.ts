/**
 * Character-level agreement, as NVivo's coding comparison: for one code in one source,
 * every character is coded by both coders, by A only, by B only, or by neither; percent
 * agreement and Cohen's kappa follow from those four counts.
 */
import type { Interval } from './intervals';
import { coveredLength, intersectionLength } from './intervals';
import { SINGLE_CATEGORY_REASON } from './kappa';

export interface CharCounts {
  both: number;
  aOnly: number;
  bOnly: number;
  neither: number;
}

export interface CharAgreement extends CharCounts {
  /** Characters compared: both + aOnly + bOnly + neither. */
  total: number;
  /** (both + neither) / total. */
  percentAgreement: number;
  expectedAgreement: number;
  kappa: number;
  reason?: string;
}

export function emptyCharCounts(): CharCounts {
  return { both: 0, aOnly: 0, bOnly: 0, neither: 0 };
}

export function addCharCounts(into: CharCounts, add: CharCounts): CharCounts {
  into.both += add.both;
  into.aOnly += add.aOnly;
  into.bOnly += add.bOnly;
  into.neither += add.neither;
  return into;
}

/**
 * The four counts for two coders' unions (sorted, disjoint) of one code, within a
 * universe of `universe` characters that contains both unions (the whole source, or
 * only the text somebody coded).
 */
export function charCounts(a: readonly Interval[], b: readonly Interval[], universe: number): CharCounts {
  const both = intersectionLength(a, b);
  const lenA = coveredLength(a);
  const lenB = coveredLength(b);
  const neither = universe - (lenA + lenB - both);
  if (neither < 0) throw new RangeError(`coding covers ${lenA + lenB - both} characters of a universe of ${universe}`);
  return { both, aOnly: lenA - both, bOnly: lenB - both, neither };
}

/**
 * Percent agreement and kappa from the four counts. The kappa is NVivo's:
 * EF1 = A x B / T, EF2 = notA x notB / T, K = (agreed - EF) / (T - EF), which is
 * Cohen's kappa on the 2x2 table.
 */
export function charAgreement(counts: CharCounts): CharAgreement {
  const { both, aOnly, bOnly, neither } = counts;
  const total = both + aOnly + bOnly + neither;
  const base = { both, aOnly, bOnly, neither, total };
  if (total === 0) return { ...base, percentAgreement: NaN, expectedAgreement: NaN, kappa: NaN, reason: 'no characters to compare' };
  // The 2x2 case of cohenKappa, written out: it runs once per code per source, tens of thousands of times.
  const po = (both + neither) / total;
  const a = (both + aOnly) / total;
  const b = (both + bOnly) / total;
  const pe = a * b + (1 - a) * (1 - b);
  if (pe >= 1 - 1e-12) return { ...base, percentAgreement: po, expectedAgreement: 1, kappa: 1, reason: SINGLE_CATEGORY_REASON };
  return { ...base, percentAgreement: po, expectedAgreement: pe, kappa: (po - pe) / (1 - pe) };
}
