/** shared/ops/codes.ts: creating, editing, moving, merging, splitting and deleting codes. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/model/changes';
import type { OpContext } from '../../../shared/model/context';
import type { Guid, Project } from '../../../shared/model/schema';
import * as ops from '../../../shared/ops';
import { applyChecked, codingsOf as spans, opsFixture } from './helpers';

let project: Project;
let ctx: OpContext;
let other: OpContext;
let sourceId: Guid;

function run<T extends ChangeSet>(set: T): T {
  project = applyChecked(project, set);
  return set;
}
const codingsOf = (codeId: Guid) => spans(project, ctx, codeId);

beforeEach(() => {
  ({ project, ctx, other, sourceId } = opsFixture());
});

describe('codes', () => {
  it('creates codes with defaults, refuses duplicate names at one level, allows them elsewhere', () => {
    const parent = run(ops.createCode(project, ctx, { name: 'Barriers', origin: 'deductive' })).id;
    const child = run(ops.createCode(project, ctx, { name: 'Housing', parentId: parent })).id;
    const code = project.codes.find((c) => c.id === child)!;
    expect(code).toMatchObject({ origin: 'inductive', codable: true, createdBy: ctx.coderId, parentId: parent });
    expect(() => ops.createCode(project, ctx, { name: 'housing', parentId: parent })).toThrow(/exists already/);
    expect(() => ops.createCode(project, ctx, { name: '  ' })).toThrow(/needs a name/);
    run(ops.createCode(project, ctx, { name: 'Housing' }));
  });

  it('renames, recolours and moves a shortcut from one code to another', () => {
    const a = run(ops.createCode(project, ctx, { name: 'A' })).id;
    const b = run(ops.createCode(project, ctx, { name: 'B' })).id;
    run(ops.updateCode(project, ctx, a, { shortcut: '1', color: '#ABCDEF', name: 'Alpha' }));
    run(ops.updateCode(project, ctx, b, { shortcut: '1' }));
    const [ca, cb] = [a, b].map((id) => project.codes.find((c) => c.id === id)!);
    expect(ca).toMatchObject({ name: 'Alpha', color: '#abcdef' });
    expect(ca!.shortcut).toBeUndefined();
    expect(cb!.shortcut).toBe('1');
  });

  it('moves codes among siblings and into parents, never inside themselves', () => {
    const a = run(ops.createCode(project, ctx, { name: 'A' })).id;
    const b = run(ops.createCode(project, ctx, { name: 'B' })).id;
    const c = run(ops.createCode(project, ctx, { name: 'C' })).id;
    run(ops.moveCode(project, ctx, c, { parentId: null, index: 0 }));
    const order = () => project.codes.filter((x) => !x.parentId).sort((x, y) => x.order - y.order).map((x) => x.name);
    expect(order()).toEqual(['C', 'A', 'B']);
    run(ops.moveCode(project, ctx, b, { parentId: a, index: 0 }));
    expect(project.codes.find((x) => x.id === b)!.parentId).toBe(a);
    expect(() => ops.moveCode(project, ctx, a, { parentId: b, index: 0 })).toThrow(/inside itself/);
  });

  it('merges codes: overlapping spans of one coder join, other coders stay apart, themes and memos follow', () => {
    const from = run(ops.createCode(project, ctx, { name: 'Wait', definition: 'waiting' })).id;
    const into = run(ops.createCode(project, ctx, { name: 'Waitlists' })).id;
    const child = run(ops.createCode(project, ctx, { name: 'Child', parentId: from })).id;
    run(ops.applyCode(project, ctx, { sourceId, codeId: from, start: 0, end: 10 }));
    run(ops.applyCode(project, ctx, { sourceId, codeId: into, start: 5, end: 20 }));
    run(ops.applyCode(project, ctx, { sourceId, codeId: into, start: 40, end: 50 }));
    run(ops.applyCode(project, other, { sourceId, codeId: from, start: 2, end: 8 }));
    const theme = run(ops.createTheme(project, ctx, { name: 'T', codeIds: [from, into] })).id;
    run(ops.createMemo(project, ctx, { target: { kind: 'code', id: from } }));
    run(ops.mergeCodes(project, ctx, from, into));
    expect(project.codes.some((c) => c.id === from)).toBe(false);
    expect(codingsOf(into)).toEqual([[0, 20, 'A'], [2, 8, 'B'], [40, 50, 'A']].sort());
    expect(project.themes.find((t) => t.id === theme)!.codeIds).toEqual([into]);
    expect(project.codes.find((c) => c.id === child)!.parentId).toBe(into);
    expect(project.codes.find((c) => c.id === into)!.definition).toBe('waiting');
    expect(project.memos[0]!.target).toEqual({ kind: 'code', id: into });
    expect(() => ops.mergeCodes(project, ctx, into, into)).toThrow();
  });

  it('splits chosen codings off into a new sibling code', () => {
    const code = run(ops.createCode(project, ctx, { name: 'Barriers', origin: 'deductive' })).id;
    const c1 = run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: 0, end: 5 })).id;
    run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: 30, end: 40 }));
    const split = run(ops.splitCode(project, ctx, code, [c1], 'Early barriers'));
    expect(codingsOf(split.id)).toEqual([[0, 5, 'A']]);
    expect(codingsOf(code)).toEqual([[30, 40, 'A']]);
    expect(project.codes.find((c) => c.id === split.id)!.origin).toBe('deductive');
    const stranger = run(ops.createCode(project, ctx, { name: 'Other' })).id;
    const c3 = run(ops.applyCode(project, ctx, { sourceId, codeId: stranger, start: 0, end: 3 })).id;
    expect(() => ops.splitCode(project, ctx, code, [c3], 'X')).toThrow(/Only codings/);
  });

  it('deletes a code with its subtree, codings, memos and theme references, after a preview', () => {
    const parent = run(ops.createCode(project, ctx, { name: 'P' })).id;
    const child = run(ops.createCode(project, ctx, { name: 'C', parentId: parent })).id;
    const keep = run(ops.createCode(project, ctx, { name: 'Keep' })).id;
    const coding = run(ops.applyCode(project, ctx, { sourceId, codeId: child, start: 0, end: 5 })).id;
    run(ops.applyCode(project, ctx, { sourceId, codeId: keep, start: 0, end: 5 }));
    run(ops.createMemo(project, ctx, { target: { kind: 'coding', id: coding } }));
    run(ops.createTheme(project, ctx, { name: 'T', codeIds: [child, keep] }));
    expect(ops.deletePreview(project, parent)).toEqual({ codeIds: [parent, child], codingIds: [coding] });
    run(ops.deleteCode(project, ctx, parent));
    expect(project.codes.map((c) => c.id)).toEqual([keep]);
    expect(project.codings).toHaveLength(1);
    expect(project.memos).toHaveLength(0);
    expect(project.themes[0]!.codeIds).toEqual([keep]);
  });
});
