/** Alpha at every level on Krippendorff's own worked example, plus its edge cases. */
import { describe, expect, it } from 'vitest';
import { alphaFromValueCounts, cohenKappaFromLabels, krippendorffAlpha } from '../../../shared/agreement';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
// 4 observers x 12 units, values 1-5, with missing data. Published to three decimals.
const n = null;
const example = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
  [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
];

describe('Krippendorff alpha', () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('reproduces the published %s value', (level, published) => {
    const result = krippendorffAlpha(example, level);
    expect(Math.abs(result.alpha - published)).toBeLessThanOrEqual(0.0005);
    // Unit 12 has one value only: 11 pairable units, 40 pairable values.
    expect(result.counts).toMatchObject({ coders: 4, units: 12, pairableUnits: 11, pairableValues: 40 });
  });

  it('the matrix and its value-counts form give the same alpha', () => {
    const values = [1, 2, 3, 4, 5];
    const units = example[0]!.map((_, u) => ({
      counts: values.map((v) => example.filter((row) => row[u] === v).length),
    }));
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(alphaFromValueCounts(values, units, level).alpha).toBeCloseTo(krippendorffAlpha(example, level).alpha, 12);
    }
  });

  it('a weighted value-counts row stands for that many identical units', () => {
    const once = alphaFromValueCounts([0, 1], [{ counts: [2, 0] }, { counts: [2, 0] }, { counts: [1, 1] }]);
    const weighted = alphaFromValueCounts([0, 1], [{ counts: [2, 0], weight: 2 }, { counts: [1, 1] }]);
    expect(weighted.alpha).toBeCloseTo(once.alpha, 12);
    expect(weighted.counts.units).toBe(3);
  });

  it('is undefined, with a reason, when no unit can be paired', () => {
    const result = krippendorffAlpha([[1, null], [null, 2]], 'nominal');
    expect(Number.isNaN(result.alpha)).toBe(true);
    expect(result.counts.pairableUnits).toBe(0);
    expect(result.reason).toMatch(/two or more coders/);
  });

  it('accepts nominal labels as text and refuses text at the metric levels', () => {
    expect(krippendorffAlpha([['yes', 'no'], ['yes', 'no']], 'nominal').alpha).toBe(1);
    expect(() => krippendorffAlpha([['yes', 'no'], ['yes', 'no']], 'interval')).toThrow(/needs numbers/);
  });

  it('for two coders and no missing data, nominal alpha approaches kappa as units grow', () => {
    const a = [...Array(500).fill('x'), ...Array(500).fill('y')];
    const b = [...Array(400).fill('x'), ...Array(100).fill('y'), ...Array(150).fill('x'), ...Array(350).fill('y')];
    const alpha = krippendorffAlpha([a, b], 'nominal').alpha;
    const kappa = cohenKappaFromLabels(a, b).kappa;
    expect(Math.abs(alpha - kappa)).toBeLessThan(0.002);
  });
});

describe("Cohen's kappa from labels", () => {
  it('skips units a coder left blank and counts them', () => {
    const result = cohenKappaFromLabels(['a', 'b', null, 'a'], ['a', 'b', 'a', '']);
    expect(result).toMatchObject({ n: 2, skipped: 2, kappa: 1, percentAgreement: 1 });
  });

  it('refuses sequences of different lengths', () => {
    expect(() => cohenKappaFromLabels(['a'], ['a', 'b'])).toThrow(/same units/);
  });
});
