/** The agreement result in words and as a table: every figure with the counts behind it. */
import { describe, expect, it } from 'vitest';
import type { CharComparison } from '../../../shared/agreement';
import { compareCoders, comparisonTable, describeComparison } from '../../../shared/agreement';
import { ProjectBuilder } from './build';

function project() {
  const b = new ProjectBuilder(11);
  const [ana, ben] = [b.coder('Ana'), b.coder('Ben')];
  const s = b.source('one.txt', 'x'.repeat(100));
  const [housing, police] = [b.code('Housing'), b.code('Police')];
  b.coding(ana, housing, s, 10, 40);
  b.coding(ben, housing, s, 30, 60);
  b.coding(ana, police, s, 0, 10);
  b.coding(ben, police, s, 0, 10);
  return { b, ana, ben };
}

describe('describing agreement', () => {
  it('states the character figures with their counts and the spread over codes', () => {
    const { b, ana, ben } = project();
    const c = compareCoders(b.project, { coderIds: [ana.id, ben.id] }) as CharComparison;
    const text = describeComparison(c);
    expect(text).toContain('Two coders (Ana and Ben) coded the same source independently.');
    expect(text).toContain(`pooled Cohen's kappa was ${c.overall.pooled.kappa.toFixed(2)} (percent agreement 80.0%; 20 characters coded by both, 40 by one coder only, 140 by neither)`);
    expect(text).toContain(`ranging from ${(0.02 / 0.42).toFixed(2)} (Housing) to 1.00 (Police)`);
  });

  it('states segment and unit figures in their own terms', () => {
    const { b, ana, ben } = project();
    expect(describeComparison(compareCoders(b.project, { coderIds: [ana.id, ben.id], unit: 'segment' }))).toContain(
      'Of 4 coded segments across 2 codes, 2 agreed (50.0%).',
    );
    expect(describeComparison(compareCoders(b.project, { coderIds: [ana.id, ben.id], unit: 'sentence' }))).toContain(
      "Krippendorff's alpha (nominal) over sentences",
    );
  });

  it('says when there is nothing to compare', () => {
    const { b, ana, ben } = project();
    b.source('two.txt', 'y');
    const none = compareCoders(b.project, { coderIds: [ana.id, ben.id], sourceIds: [b.project.sources[1]!.id] });
    expect(describeComparison(none)).toBe('Two coders (Ana and Ben) have no source that all of them coded, so agreement could not be measured.');
  });

  it('tabulates per code and overall with the counts', () => {
    const { b, ana, ben } = project();
    const table = comparisonTable(compareCoders(b.project, { coderIds: [ana.id, ben.id] }));
    expect(table[0]).toEqual(['code', 'kappa (pooled)', 'percent agreement', 'both', 'A only', 'B only', 'neither', 'mean kappa over sources', 'sources averaged']);
    expect(table[1]!.slice(0, 7)).toEqual(['Housing', Number((0.02 / 0.42).toFixed(6)), 0.6, 10, 20, 20, 50]);
    expect(table[3]!.slice(0, 7)).toEqual(['(overall)', expect.any(Number), 0.8, 20, 20, 20, 140]);
  });
});
