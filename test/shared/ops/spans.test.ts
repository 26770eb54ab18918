/** shared/ops/spans.ts: joining one code's overlapping or touching codings, per source and coder. */
import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/model/changes';
import type { Coding } from '../../../shared/model/schema';
import * as ops from '../../../shared/ops';
import { applyChecked, codingsOf, opsFixture } from './helpers';

describe('joinCodings', () => {
  it('joins clusters per coder, keeps the preferred id, carries exemplar and moves memos to the keeper', () => {
    const { project: start, ctx, other, sourceId } = opsFixture();
    let project = start;
    const code = ops.createCode(project, ctx, { name: 'C' });
    project = applyChecked(project, code);
    const at = (id: string, startAt: number, end: number, coderId: string, extra: Partial<Coding> = {}): Coding => ({
      id, codeId: code.id, sourceId, coderId, start: startAt, end, createdAt: '2026-01-01T00:00:00Z', ...extra,
    });
    const ids = Array.from({ length: 5 }, () => ctx.newId());
    const rows = [
      at(ids[0]!, 0, 10, ctx.coderId),
      at(ids[1]!, 10, 20, ctx.coderId, { exemplar: true }), // touches the first
      at(ids[2]!, 30, 40, ctx.coderId), // apart
      at(ids[3]!, 5, 15, other.coderId), // another coder's: never joined with A's
    ];
    project = applyChecked(project, { label: 'seed', changes: rows.map((r) => ({ table: 'codings', id: r.id, before: null, after: r })) } as ChangeSet);
    const memo = ops.createMemo(project, ctx, { target: { kind: 'coding', id: ids[0]! } });
    project = applyChecked(project, memo);

    const changes = ops.joinCodings(project.codings, code.id, project.memos, (c) => c.id === ids[1]);
    project = applyChecked(project, { label: 'join', changes });
    expect(codingsOf(project, ctx, code.id)).toEqual([[0, 20, 'A'], [30, 40, 'A'], [5, 15, 'B']].sort());
    const kept = project.codings.find((c) => c.start === 0)!;
    expect(kept.id).toBe(ids[1]);
    expect(kept.exemplar).toBe(true);
    expect(project.memos.find((m) => m.id === memo.id)!.target).toEqual({ kind: 'coding', id: ids[1] });
    // Nothing left to join: no changes at all.
    expect(ops.joinCodings(project.codings, code.id, project.memos)).toEqual([]);
  });
});
