/** Disagreement review: where two coders differ, and recording the consensus. */
import { describe, expect, it } from 'vitest';
import { REMOVED_SETTING_ID, listDisagreements, resolveDisagreement } from '../../../shared/merge';
import type { OpContext } from '../../../shared/model';
import { applyChanges, invert, seededGuids, tableSchemas } from '../../../shared/model';
import { NOW, ProjectBuilder } from '../agreement/build';

function setup() {
  const b = new ProjectBuilder(55);
  const ana = b.coder('Ana');
  const ben = b.coder('Ben');
  const text = 'aaaa bbbb cccc dddd eeee ffff gggg hhhh';
  const src = b.source('s.txt', text);
  const only = b.source('only-ana.txt', 'zzzz');
  const code = b.code('Housing');
  // 0-9 both identical; 10-19 Ana only; 20-29 Ana vs Ben 25-34 (boundaries); 35-39 Ben only.
  b.coding(ana, code, src, 0, 9);
  b.coding(ben, code, src, 0, 9);
  b.coding(ana, code, src, 10, 19);
  b.coding(ana, code, src, 20, 29);
  b.coding(ben, code, src, 25, 34);
  b.coding(ben, code, src, 35, 39);
  b.coding(ana, code, only, 0, 4);
  const ctx: OpContext = { newId: seededGuids(77), now: () => NOW, coderId: ana.id };
  return { b, ana, ben, src, code, ctx };
}

describe('disagreements', () => {
  it('lists each stretch where the two coders differ, with each side’s coverage', () => {
    const { b, ana, ben } = setup();
    const list = listDisagreements(b.project, { coderIds: [ana.id, ben.id] });
    expect(list.map((d) => [d.kind, d.start, d.end, d.a, d.b])).toEqual([
      ['only-a', 10, 19, [{ start: 10, end: 19 }], []],
      ['boundaries', 20, 34, [{ start: 20, end: 29 }], [{ start: 25, end: 34 }]],
      ['only-b', 35, 39, [], [{ start: 35, end: 39 }]],
    ]);
    expect(list.every((d) => !d.resolved)).toBe(true);
  });

  it('records a decision as the consensus coder’s coding, in one undoable step', () => {
    const { b, ana, ben, code, ctx } = setup();
    const [, boundaries] = listDisagreements(b.project, { coderIds: [ana.id, ben.id] });
    const set = resolveDisagreement(b.project, ctx, boundaries!, 'keep-b');
    const after = applyChanges(b.project, set);
    for (const change of set.changes) if (change.table !== 'meta' && change.after) tableSchemas[change.table].parse(change.after);
    const consensus = after.coders.find((c) => c.isConsensus)!;
    expect(consensus).toMatchObject({ id: set.consensusCoderId, name: 'Consensus' });
    expect(after.codings.filter((c) => c.coderId === consensus.id).map((c) => [c.codeId, c.start, c.end])).toEqual([[code.id, 25, 34]]);
    const again = listDisagreements(after, { coderIds: [ana.id, ben.id] });
    expect(again.find((d) => d.start === 20)!.resolved).toBe(true);
    // Undo removes both the coding and the consensus coder it created.
    const undone = applyChanges(after, invert(set));
    expect(undone.coders).toHaveLength(2);
    expect(undone.settings).toEqual([]);
    expect(undone.codings).toHaveLength(b.project.codings.length);
  });

  it('changing the decision replaces the earlier one', () => {
    const { b, ana, ben, ctx } = setup();
    const [, boundaries] = listDisagreements(b.project, { coderIds: [ana.id, ben.id] });
    const first = applyChanges(b.project, resolveDisagreement(b.project, ctx, boundaries!, 'keep-a'));
    const second = resolveDisagreement(first, ctx, boundaries!, 'keep-both');
    const after = applyChanges(first, second);
    const consensusId = second.consensusCoderId;
    expect(after.codings.filter((c) => c.coderId === consensusId).map((c) => [c.start, c.end])).toEqual([[20, 34]]);
    const removed = applyChanges(after, resolveDisagreement(after, ctx, boundaries!, 'remove'));
    expect(removed.codings.filter((c) => c.coderId === consensusId)).toEqual([]);
    // "Remove" leaves no coding, yet the decision is kept: the stretch counts as resolved.
    expect(listDisagreements(removed, { coderIds: [ana.id, ben.id] }).find((d) => d.start === 20)!.resolved).toBe(true);
    const reopened = applyChanges(removed, resolveDisagreement(removed, ctx, boundaries!, 'keep-a'));
    expect(reopened.settings.find((s) => s.id === REMOVED_SETTING_ID)!.value).toEqual([]);
  });
});
