/** Character and segment agreement on spans small enough to count by hand. */
import { describe, expect, it } from 'vitest';
import {
  charAgreement,
  cohenKappa,
  charCounts,
  coveredLength,
  intersectionLength,
  segmentAgreement,
  segmentCounts,
  unionIntervals,
} from '../../../shared/agreement';

const span = (start: number, end: number) => ({ start, end });

describe('interval unions', () => {
  it('joins overlapping and touching spans, drops empty ones, and keeps gaps', () => {
    expect(unionIntervals([span(10, 20), span(0, 5), span(5, 8), span(15, 25), span(30, 30), span(40, 42)])).toEqual([
      span(0, 8),
      span(10, 25),
      span(40, 42),
    ]);
  });

  it('intersects by sweeping both lists', () => {
    // A: 0-10, 20-30; B: 5-25 -> overlap 5-10 (5) + 20-25 (5)
    expect(intersectionLength([span(0, 10), span(20, 30)], [span(5, 25)])).toBe(10);
    // Touching spans share no character.
    expect(intersectionLength([span(0, 10)], [span(10, 20)])).toBe(0);
    expect(coveredLength([span(0, 10), span(20, 30)])).toBe(20);
  });
});

describe('character agreement (NVivo coding comparison)', () => {
  it('counts a hand-checked overlap in a 100-character source', () => {
    // A codes 10-40 (30 chars), B codes 30-60 (30 chars): both 10, A only 20, B only 20, neither 50.
    const counts = charCounts([span(10, 40)], [span(30, 60)], 100);
    expect(counts).toEqual({ both: 10, aOnly: 20, bOnly: 20, neither: 50 });
    const result = charAgreement(counts);
    expect(result.total).toBe(100);
    expect(result.percentAgreement).toBeCloseTo(0.6, 12);
    // p_e = 0.3*0.3 + 0.7*0.7 = 0.58; kappa = (0.6-0.58)/(1-0.58)
    expect(result.expectedAgreement).toBeCloseTo(0.58, 12);
    expect(result.kappa).toBeCloseTo(0.02 / 0.42, 12);
  });

  it('adjacent spans by the two coders share no character', () => {
    const result = charAgreement(charCounts([span(0, 10)], [span(10, 20)], 40));
    expect(result).toMatchObject({ both: 0, aOnly: 10, bOnly: 10, neither: 20 });
    expect(result.percentAgreement).toBeCloseTo(0.5, 12);
    // p_e = 0.25*0.25 + 0.75*0.75 = 0.625 -> kappa = (0.5-0.625)/0.375 = -1/3
    expect(result.kappa).toBeCloseTo(-1 / 3, 12);
  });

  it('identical coding is perfect agreement', () => {
    const result = charAgreement(charCounts([span(5, 15)], [span(5, 15)], 50));
    expect(result).toMatchObject({ both: 10, aOnly: 0, bOnly: 0, neither: 40, kappa: 1, percentAgreement: 1 });
  });

  it('text nobody coded agrees completely, with kappa 1 and the reason given', () => {
    const result = charAgreement(charCounts([], [], 30));
    expect(result).toMatchObject({ neither: 30, percentAgreement: 1, kappa: 1 });
    expect(result.reason).toMatch(/single, identical category/);
  });

  it('a smaller universe (only coded text) removes the "neither" characters', () => {
    const result = charAgreement(charCounts([span(10, 40)], [span(30, 60)], 50));
    expect(result).toMatchObject({ both: 10, aOnly: 20, bOnly: 20, neither: 0 });
    expect(result.percentAgreement).toBeCloseTo(0.2, 12);
  });

  it('refuses codings larger than their universe', () => {
    expect(() => charCounts([span(0, 10)], [span(5, 30)], 20)).toThrow(/universe of 20/);
  });
});

describe('segment agreement (MAXQDA)', () => {
  it('matches a segment overlapping by at least the chosen share of the text either covers', () => {
    // A 0-100; B 0-90: overlap 90 / union 100 = 90% -> match at 90, not at 91.
    expect(segmentCounts([span(0, 100)], [span(0, 90)], 90)).toEqual({ aSegments: 1, bSegments: 1, aMatched: 1, bMatched: 1 });
    expect(segmentCounts([span(0, 100)], [span(0, 90)], 91)).toEqual({ aSegments: 1, bSegments: 1, aMatched: 0, bMatched: 0 });
  });

  it('counts each coder’s segments once: hand count with overlapping, adjacent and lone spans', () => {
    const a = [span(0, 10), span(20, 30), span(50, 60)];
    // 0-10 ~ 1-10 (90%), 20-30 vs 30-40 adjacent (no overlap), 50-60 vs 55-60 (50%), 80-90 lone.
    const b = [span(1, 10), span(30, 40), span(55, 60), span(80, 90)];
    const counts = segmentCounts(a, b, 90);
    expect(counts).toEqual({ aSegments: 3, bSegments: 4, aMatched: 1, bMatched: 1 });
    const result = segmentAgreement(counts);
    expect(result).toMatchObject({ agreements: 2, disagreements: 5 });
    expect(result.percentAgreement).toBeCloseTo(2 / 7, 12);
    // At 50% the 50-60 / 55-60 pair matches too.
    expect(segmentAgreement(segmentCounts(a, b, 50))).toMatchObject({ agreements: 4, disagreements: 3 });
  });

  it('one long segment can match only where the overlap is large enough on each side', () => {
    // B splits A's 0-100 in two halves: each half overlaps A by 50%.
    const counts = segmentCounts([span(0, 100)], [span(0, 50), span(50, 100)], 50);
    expect(counts).toEqual({ aSegments: 1, bSegments: 2, aMatched: 1, bMatched: 2 });
  });

  it('with no segments there is nothing to agree on', () => {
    const result = segmentAgreement(segmentCounts([], []));
    expect(Number.isNaN(result.percentAgreement)).toBe(true);
    expect(result.reason).toBeDefined();
  });

  it('rejects an overlap that is not a percentage', () => {
    expect(() => segmentCounts([], [], 0)).toThrow(/percentage/);
    expect(() => segmentCounts([], [], 120)).toThrow(/percentage/);
  });
});

describe('character kappa agrees with the general kappa', () => {
  it('matches cohenKappa on the 2x2 table for assorted counts', () => {
    for (const [both, aOnly, bOnly, neither] of [
      [10, 20, 20, 50],
      [0, 5, 0, 95],
      [30, 0, 0, 0],
      [1, 2, 3, 4],
      [0, 0, 0, 7],
    ] as const) {
      const general = cohenKappa([
        [both, aOnly],
        [bOnly, neither],
      ]);
      const chars = charAgreement({ both, aOnly, bOnly, neither });
      expect(chars.kappa).toBeCloseTo(general.kappa, 12);
      expect(chars.expectedAgreement).toBeCloseTo(general.expectedAgreement, 12);
      expect(chars.reason).toBe(general.reason);
    }
  });
});
