/** shared/ops/common.ts: finding rows, names, and placing a row among its siblings. */
import { describe, expect, it } from 'vitest';
import { find, nextOrder, OpError, reorder, requireName } from '../../../shared/ops/common';
import { opsFixture } from './helpers';

describe('ops common', () => {
  it('finds a row or names the table and id it could not find', () => {
    const { project, sourceId } = opsFixture();
    expect(find(project, 'sources', sourceId).name).toBe('Interview 1');
    expect(() => find(project, 'codes', 'nope')).toThrow(new OpError('No code with id nope'));
  });

  it('trims names and refuses blank ones', () => {
    expect(requireName('  Housing ', 'code')).toBe('Housing');
    expect(() => requireName(' \t', 'theme')).toThrow('A theme needs a name');
  });

  it('puts new rows last and moves a row touching only the rows whose order changes', () => {
    expect(nextOrder([])).toBe(0);
    expect(nextOrder([{ order: 0 }, { order: 4 }])).toBe(5);
    const rows = ['a', 'b', 'c', 'd'].map((id, order) => ({ id, order }));
    const moved = reorder(rows, 'd', rows[3]!, 1);
    expect(moved.map((r) => [r.id, r.order])).toEqual([['a', 0], ['d', 1], ['b', 2], ['c', 3]]);
    expect(moved[0]).toBe(rows[0]); // unchanged rows are the same objects
    expect(reorder(rows, 'a', rows[0]!, 99).map((r) => r.id)).toEqual(['b', 'c', 'd', 'a']);
  });
});
