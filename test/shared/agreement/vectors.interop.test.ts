/** Every published value in ../shared/icr/vectors.json, reproduced to its tolerance. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AlphaLevel, AlphaValue } from '../../../shared/agreement';
import { alphaFromValueCounts, charAgreement, cohenKappa, cohenKappaFromLabels, krippendorffAlpha } from '../../../shared/agreement';
import { sharedPath } from '../../interop/shared';

type Expected = { value: number; tolerance: number };
type Triple = [string, string, AlphaValue];
interface AlphaVector {
  id: string;
  reliability_data?: (AlphaValue | null)[][];
  value_counts_form?: { values: number[]; rows_are_units: number[][] };
  triples?: Triple[];
  cases?: { triples: Triple[]; expected_nominal: number }[];
  expected: Partial<Record<AlphaLevel, Expected>>;
}
interface KappaVector {
  id: string;
  contingency: number[][];
  category_order?: string[];
  expected: { unweighted?: Expected; symmetric?: string; p_o?: number; p_e?: number; kappa?: number };
}
interface Vectors {
  krippendorff_alpha: AlphaVector[];
  cohen_kappa: KappaVector[];
  nvivo_coding_comparison: {
    percentage_agreement_example_quoted: {
      source_chars: number;
      coded_by_both: number;
      coded_by_only_one_user: number;
      coded_by_neither: number;
      expected_percentage_agreement: number;
    };
  };
}

const vectors = JSON.parse(
  readFileSync(sharedPath('icr/vectors.json'), 'utf8'),
) as Vectors;

/** Coder/unit/value triples (nltk's form) as a coders x units matrix with nulls. */
function matrixFromTriples(triples: readonly Triple[]): (AlphaValue | null)[][] {
  const coders = [...new Set(triples.map((t) => t[0]))];
  const units = [...new Set(triples.map((t) => t[1]))];
  const matrix = coders.map(() => units.map((): AlphaValue | null => null));
  for (const [coder, unit, value] of triples) matrix[coders.indexOf(coder)]![units.indexOf(unit)] = value;
  return matrix;
}

/** A published value is given to some decimals; the tolerance says how close is "the same". */
function expectClose(actual: number, expected: number, tolerance: number) {
  expect(Number.isFinite(actual)).toBe(true);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
}

/** Label sequences that reproduce a contingency table, unit by unit. */
function labelsFromTable(table: number[][], names: string[]): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let n = 0; n < count; n++) {
        a.push(names[i]!);
        b.push(names[j]!);
      }
    }),
  );
  return [a, b];
}

describe('Krippendorff alpha reference vectors', () => {
  expect(vectors.krippendorff_alpha.length).toBeGreaterThan(0);
  for (const vector of vectors.krippendorff_alpha) {
    it(vector.id, () => {
      let checked = 0;
      const matrix = vector.reliability_data ?? (vector.triples ? matrixFromTriples(vector.triples) : null);
      for (const [level, expected] of Object.entries(vector.expected) as [AlphaLevel, Expected][]) {
        if (matrix) {
          expectClose(krippendorffAlpha(matrix, level).alpha, expected.value, expected.tolerance);
          checked++;
        }
        if (vector.value_counts_form) {
          const { values, rows_are_units } = vector.value_counts_form;
          const result = alphaFromValueCounts(values, rows_are_units.map((counts) => ({ counts })), level);
          expectClose(result.alpha, expected.value, expected.tolerance);
          checked++;
        }
        for (const c of vector.cases ?? []) {
          if (level !== 'nominal') continue;
          const result = krippendorffAlpha(matrixFromTriples(c.triples), 'nominal');
          expectClose(result.alpha, c.expected_nominal, expected.tolerance);
          checked++;
        }
      }
      // A vector in a form this test does not read must fail, not pass unchecked.
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('the Wikipedia example leaves its three unpairable units out and says what it counted', () => {
    const wiki = vectors.krippendorff_alpha.find((v) => v.id === 'wikipedia_3coders_15units')!;
    const result = krippendorffAlpha(wiki.reliability_data!, 'nominal');
    expect(result.counts).toMatchObject({ coders: 3, units: 15, pairableUnits: 12, values: [1, 2, 3, 4] });
    // The coincidence matrix is symmetric and its marginals are the value totals.
    const o = result.coincidence;
    o.forEach((row, c) => row.forEach((x, k) => expect(x).toBeCloseTo(o[k]![c]!, 12)));
    expect(result.counts.valueTotals.reduce((s, x) => s + x, 0)).toBe(result.counts.pairableValues);
  });

  it('the zero-expected-disagreement case says why alpha is 1', () => {
    const v = vectors.krippendorff_alpha.find((x) => x.id === 'nltk_zero_expected_disagreement')!;
    const degenerate = krippendorffAlpha(matrixFromTriples(v.cases![1]!.triples), 'nominal');
    expect(degenerate.expectedDisagreement).toBe(0);
    expect(degenerate.reason).toMatch(/no variation/);
    const perfect = krippendorffAlpha(matrixFromTriples(v.cases![0]!.triples), 'nominal');
    expect(perfect.reason).toBeUndefined();
  });
});

describe("Cohen's kappa reference vectors", () => {
  expect(vectors.cohen_kappa.length).toBeGreaterThan(0);
  for (const vector of vectors.cohen_kappa) {
    it(vector.id, () => {
      const names = vector.category_order ?? vector.contingency.map((_, i) => String(i));
      const fromTable = cohenKappa(vector.contingency, names);
      const [a, b] = labelsFromTable(vector.contingency, names);
      const fromLabels = cohenKappaFromLabels(a, b);
      const reversed = cohenKappaFromLabels(b, a);
      let checked = 0;
      const { unweighted, p_o, p_e, kappa, symmetric } = vector.expected;
      if (unweighted) {
        expectClose(fromTable.kappa, unweighted.value, unweighted.tolerance);
        expectClose(fromLabels.kappa, unweighted.value, unweighted.tolerance);
        checked++;
      }
      // Values published without a tolerance are exact ratios.
      if (p_o !== undefined) {
        expectClose(fromTable.percentAgreement, p_o, 1e-12);
        checked++;
      }
      if (p_e !== undefined) {
        expectClose(fromTable.expectedAgreement, p_e, 1e-12);
        checked++;
      }
      if (kappa !== undefined) {
        expectClose(fromTable.kappa, kappa, 1e-12);
        expectClose(fromLabels.kappa, kappa, 1e-12);
        checked++;
      }
      if (symmetric) {
        expect(reversed.kappa).toBeCloseTo(fromLabels.kappa, 12);
        checked++;
      }
      expect(fromLabels.n).toBe(vector.contingency.flat().reduce((s, x) => s + x, 0));
      expect(checked).toBeGreaterThan(0);
    });
  }
});

describe('NVivo coding comparison example', () => {
  const ex = vectors.nvivo_coding_comparison.percentage_agreement_example_quoted;
  it('percent agreement counts both and neither as agreeing, however the one-coder characters split', () => {
    for (const aOnly of [0, 60, ex.coded_by_only_one_user]) {
      const result = charAgreement({
        both: ex.coded_by_both,
        aOnly,
        bOnly: ex.coded_by_only_one_user - aOnly,
        neither: ex.coded_by_neither,
      });
      expect(result.total).toBe(ex.source_chars);
      expectClose(result.percentAgreement, ex.expected_percentage_agreement, 1e-12);
    }
  });

  it("kappa follows NVivo's steps: EF1 + EF2, then (agreed - EF) / (total - EF)", () => {
    const counts = { both: ex.coded_by_both, aOnly: 100, bOnly: 50, neither: ex.coded_by_neither };
    const total = ex.source_chars;
    const ef1 = ((counts.both + counts.aOnly) * (counts.both + counts.bOnly)) / total;
    const ef2 = ((counts.bOnly + counts.neither) * (counts.aOnly + counts.neither)) / total;
    const expected = (counts.both + counts.neither - (ef1 + ef2)) / (total - (ef1 + ef2));
    expectClose(charAgreement(counts).kappa, expected, 1e-12);
  });
});
