/**
 * Krippendorff's alpha by the coincidence-matrix method, for any number of coders,
 * missing values, and the nominal, ordinal, interval and ratio levels.
 *
 *   alpha = 1 - D_o / D_e
 *   D_o = (1/n) sum_ck o_ck d2(c,k)          o: coincidences within units
 *   D_e = (1/(n(n-1))) sum_ck n_c n_k d2(c,k)
 *
 * A unit with fewer than two values cannot be paired and is left out.
 */

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const ALPHA_LEVELS: readonly AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];
export type AlphaValue = string | number;

export interface AlphaResult {
  level: AlphaLevel;
  /** NaN when alpha is undefined (then `reason` says why). */
  alpha: number;
  observedDisagreement: number;
  expectedDisagreement: number;
  counts: {
    /** Rows of the reliability matrix (0 when given as value counts without coders). */
    coders: number;
    units: number;
    /** Units with two or more values: the only ones that count. */
    pairableUnits: number;
    /** n: the values in pairable units. */
    pairableValues: number;
    /** The distinct values, sorted (numerically for the metric levels). */
    values: AlphaValue[];
    /** n_c: how often each value occurs in pairable units. */
    valueTotals: number[];
  };
  /** o_ck, rows and columns in the order of counts.values. */
  coincidence: number[][];
  reason?: string;
}

/** One unit as counts per value (the order of `values`), e.g. from a units x values table. */
export interface UnitValueCounts {
  counts: readonly number[];
  /** How many identical units this row stands for (default 1): lets callers pass a histogram. */
  weight?: number;
}

function isMissing(v: AlphaValue | null | undefined): v is null | undefined {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

/** Alpha for a reliability matrix: one row per coder, one column per unit, null = missing. */
export function krippendorffAlpha(
  data: readonly (readonly (AlphaValue | null | undefined)[])[],
  level: AlphaLevel = 'nominal',
): AlphaResult {
  const units = data.reduce((max, row) => Math.max(max, row.length), 0);
  const seen = new Map<string, AlphaValue>();
  for (const row of data) {
    for (const v of row) {
      if (isMissing(v)) continue;
      if (level !== 'nominal' && typeof v !== 'number') {
        throw new RangeError(`${level} alpha needs numbers; got '${v}'`);
      }
      seen.set(keyOf(v), v);
    }
  }
  const values = sortValues([...seen.values()], level);
  const index = new Map(values.map((v, i) => [keyOf(v), i]));
  const rows: UnitValueCounts[] = [];
  for (let u = 0; u < units; u++) {
    const counts = new Array<number>(values.length).fill(0);
    for (const row of data) {
      const v = row[u];
      if (!isMissing(v)) counts[index.get(keyOf(v))!]!++;
    }
    rows.push({ counts });
  }
  const result = alphaFromValueCounts(values, rows, level);
  return { ...result, counts: { ...result.counts, coders: data.length } };
}

/** Alpha from units given as counts per value (the "value counts" form). */
export function alphaFromValueCounts(
  values: readonly AlphaValue[],
  units: readonly UnitValueCounts[],
  level: AlphaLevel = 'nominal',
): AlphaResult {
  const k = values.length;
  if (level !== 'nominal' && values.some((v) => typeof v !== 'number')) {
    throw new RangeError(`${level} alpha needs numeric values`);
  }
  const o = values.map(() => new Array<number>(k).fill(0));
  let pairableUnits = 0;
  let unitCount = 0;
  for (const unit of units) {
    if (unit.counts.length !== k) throw new RangeError(`a unit has ${unit.counts.length} counts for ${k} values`);
    const weight = unit.weight ?? 1;
    unitCount += weight;
    const m = unit.counts.reduce((s, c) => s + c, 0);
    if (m < 2 || weight === 0) continue;
    pairableUnits += weight;
    for (let c = 0; c < k; c++) {
      const nc = unit.counts[c]!;
      if (nc === 0) continue;
      for (let d = 0; d < k; d++) {
        const pairs = nc * (unit.counts[d]! - (c === d ? 1 : 0));
        if (pairs > 0) o[c]![d]! += (weight * pairs) / (m - 1);
      }
    }
  }
  const totals = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = totals.reduce((s, x) => s + x, 0);
  const delta = metric(level, values, totals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const d2 = delta(c, d);
      if (d2 === 0) continue;
      observed += o[c]![d]! * d2;
      expected += totals[c]! * totals[d]! * d2;
    }
  }
  const base = {
    level,
    counts: { coders: 0, units: unitCount, pairableUnits, pairableValues: roundCount(n), values: [...values], valueTotals: totals.map(roundCount) },
    coincidence: o,
  };
  if (pairableUnits === 0) {
    return { ...base, alpha: NaN, observedDisagreement: NaN, expectedDisagreement: NaN, reason: 'no unit has values from two or more coders, so nothing can be paired' };
  }
  const Do = observed / n;
  const De = n > 1 ? expected / (n * (n - 1)) : 0;
  if (De === 0) {
    // Every pairable value is the same: there is no variation to explain. Krippendorff
    // calls alpha undefined here; common implementations (nltk) report 1, and so do we,
    // with the reason, so the figure is never mistaken for evidence of reliability.
    return {
      ...base,
      alpha: 1,
      observedDisagreement: Do,
      expectedDisagreement: 0,
      reason: 'no variation: every pairable value is the same, so expected disagreement is 0; alpha is reported as 1 by convention (Krippendorff leaves it undefined)',
    };
  }
  return { ...base, alpha: 1 - Do / De, observedDisagreement: Do, expectedDisagreement: De };
}

/** Counts built from fractional coincidences can land a hair off an integer. */
function roundCount(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-9 ? r : x;
}

function keyOf(v: AlphaValue): string {
  return typeof v === 'number' ? `n:${v}` : `s:${v}`;
}

function sortValues(values: AlphaValue[], level: AlphaLevel): AlphaValue[] {
  if (level !== 'nominal' || values.every((v) => typeof v === 'number')) {
    return values.slice().sort((a, b) => (a as number) - (b as number));
  }
  return values.slice().sort((a, b) => String(a).localeCompare(String(b)));
}

/** The squared difference function d2(c, k) over value indices. */
function metric(level: AlphaLevel, values: readonly AlphaValue[], totals: readonly number[]): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
    case 'ratio':
      return (c, k) => {
        const a = values[c] as number;
        const b = values[k] as number;
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      };
    case 'ordinal': {
      // Ranks: values are sorted, so the distance sums the marginals between the two.
      const cumulative = [0];
      for (const t of totals) cumulative.push(cumulative[cumulative.length - 1]! + t);
      return (c, k) => {
        if (c === k) return 0;
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = cumulative[hi + 1]! - cumulative[lo]!;
        return (between - (totals[c]! + totals[k]!) / 2) ** 2;
      };
    }
  }
}
