/** Agreement in words and figures as a reader sees them: no signed zero, no empty range, "1 source". */
import { describe, expect, it } from 'vitest';
import { busiestPair, compareCoders, comparisonTable, countOf, describeComparison, fixedFigure, percentFigure } from '../../../shared/agreement';
import { ProjectBuilder } from './build';

describe('agreement figures', () => {
  it('print a value that rounds to zero without a minus sign', () => {
    expect(fixedFigure(-0.0004, 3)).toBe('0.000');
    expect(fixedFigure(-0, 2)).toBe('0.00');
    expect(fixedFigure(-0.004, 2)).toBe('0.00');
    expect(fixedFigure(-0.0006, 3)).toBe('-0.001');
    expect(fixedFigure(0.5, 3)).toBe('0.500');
    expect(fixedFigure(Number.NaN, 3, '—')).toBe('—');
    expect(percentFigure(-0.0001)).toBe('0.0%');
  });

  it('count in the singular for one', () => {
    expect(countOf(1, 'source')).toBe('1 source');
    expect(countOf(2, 'source')).toBe('2 sources');
    expect(countOf(1200, 'code')).toBe('1,200 codes');
  });

  it('keep no signed zero in the table a spreadsheet reads', () => {
    const b = new ProjectBuilder(5);
    const [ana, ben] = [b.coder('Ana'), b.coder('Ben')];
    const s = b.source('one.txt', 'x'.repeat(100));
    const code = b.code('Housing');
    b.coding(ana, code, s, 0, 50);
    b.coding(ben, code, s, 50, 100);
    const table = comparisonTable(compareCoders(b.project, { coderIds: [ana.id, ben.id] }));
    for (const row of table.slice(1)) for (const cell of row) if (typeof cell === 'number') expect(Object.is(cell, -0)).toBe(false);
  });
});

describe('the sentence about the spread over codes', () => {
  function sameEverywhere() {
    const b = new ProjectBuilder(6);
    const [ana, ben] = [b.coder('Ana'), b.coder('Ben')];
    const s = b.source('one.txt', 'x'.repeat(100));
    for (const name of ['Housing', 'Police']) {
      const code = b.code(name);
      b.coding(ana, code, s, 10, 20);
      b.coding(ben, code, s, 10, 20);
    }
    return compareCoders(b.project, { coderIds: [ana.id, ben.id] });
  }

  it('names no range when every code has the same figure', () => {
    const text = describeComparison(sameEverywhere());
    expect(text).toContain('The mean of the per-code kappas was 1.00.');
    expect(text).not.toContain('ranging');
  });

  it('says "the same source" for one, never "1 sources"', () => {
    const text = describeComparison(sameEverywhere());
    expect(text).toContain('coded the same source independently');
    expect(text).not.toContain('1 sources');
  });
});

describe('the pair of coders compared first', () => {
  it('is the pair sharing the most coded sources, not the first two coders', () => {
    const b = new ProjectBuilder(7);
    const [alex, jo, sam] = [b.coder('Alex'), b.coder('Jo'), b.coder('Sam')];
    const consensus = b.coder('Consensus', { isConsensus: true });
    const code = b.code('Housing');
    const sources = [1, 2, 3].map((i) => b.source(`s${i}.txt`, 'x'.repeat(20)));
    for (const s of sources) {
      b.coding(alex, code, s, 0, 5);
      b.coding(sam, code, s, 0, 5);
      b.coding(consensus, code, s, 0, 5);
    }
    b.coding(jo, code, sources[0]!, 0, 5);
    expect(busiestPair(b.project)).toEqual([alex.id, sam.id]);
  });

  it('keeps the first two coders on a tie and needs two people', () => {
    const b = new ProjectBuilder(8);
    const [alex, jo] = [b.coder('Alex'), b.coder('Jo')];
    b.coder('Sam');
    expect(busiestPair(b.project)).toEqual([alex.id, jo.id]);
    const alone = new ProjectBuilder(9);
    alone.coder('Alex');
    alone.coder('Consensus', { isConsensus: true });
    expect(busiestPair(alone.project)).toBeNull();
  });
});
