/** shared/ops/coders.ts: the people (and the consensus pseudo-coder) whose codings are recorded. */
import { describe, expect, it } from 'vitest';
import * as ops from '../../../shared/ops';
import { applyChecked, opsFixture } from './helpers';

describe('coders', () => {
  it('adds a coder with a colour of their own, and a consensus coder marked as such', () => {
    const { project, ctx } = opsFixture();
    const add = ops.addCoder(project, ctx, { name: '  Sam Chen ' });
    const after = applyChecked(project, add);
    const sam = after.coders.find((c) => c.id === add.id)!;
    expect(sam.name).toBe('Sam Chen');
    expect(sam.isConsensus).toBeUndefined();
    expect(new Set(after.coders.map((c) => c.color)).size).toBe(after.coders.length);
    const consensus = ops.addCoder(after, ctx, { name: 'Consensus', isConsensus: true });
    expect(applyChecked(after, consensus).coders.find((c) => c.id === consensus.id)!.isConsensus).toBe(true);
    expect(() => ops.addCoder(after, ctx, { name: '' })).toThrow(/needs a name/);
  });
});
