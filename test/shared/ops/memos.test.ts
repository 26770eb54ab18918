/** shared/ops/memos.ts: memos with rich text on any target. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/model/changes';
import type { OpContext } from '../../../shared/model/context';
import type { Guid, Project } from '../../../shared/model/schema';
import * as ops from '../../../shared/ops';
import { applyChecked, opsFixture } from './helpers';

let project: Project;
let ctx: OpContext;
let sourceId: Guid;

function run<T extends ChangeSet>(set: T): T {
  project = applyChecked(project, set);
  return set;
}

beforeEach(() => {
  ({ project, ctx, sourceId } = opsFixture());
});

describe('memos', () => {
  it('writes memos with rich text and reads them back as plain text', () => {
    const id = run(ops.createMemo(project, ctx, { target: { kind: 'source', id: sourceId }, title: 'Context' })).id;
    const body = [
      { type: 'paragraph' as const, children: [{ text: 'Bold', bold: true }, { text: ' and plain' }] },
      { type: 'bulleted-list' as const, children: [{ type: 'list-item' as const, children: [{ text: 'one' }] }] },
    ];
    run(ops.updateMemo(project, ctx, id, { body }));
    expect(ops.memoPlainText(project.memos[0]!.body)).toBe('Bold and plain\n• one');
    run(ops.updateMemo(project, ctx, id, { title: 'Site context' }));
    expect(project.memos[0]).toMatchObject({ title: 'Site context', body });
    expect(() => ops.createMemo(project, ctx, { target: { kind: 'code', id: sourceId } })).toThrow(/No code/);
    run(ops.deleteMemo(project, ctx, id));
    expect(project.memos).toEqual([]);
  });

  it('attaches a memo to the project as a whole', () => {
    run(ops.createMemo(project, ctx, { target: { kind: 'project' }, title: 'Journal' }));
    expect(project.memos[0]).toMatchObject({ target: { kind: 'project' }, title: 'Journal' });
  });
});
