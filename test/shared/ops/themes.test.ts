/** shared/ops/themes.ts: themes, sub-themes and their codes. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/model/changes';
import type { OpContext } from '../../../shared/model/context';
import type { Project } from '../../../shared/model/schema';
import * as ops from '../../../shared/ops';
import { applyChecked, opsFixture } from './helpers';

let project: Project;
let ctx: OpContext;

function run<T extends ChangeSet>(set: T): T {
  project = applyChecked(project, set);
  return set;
}

beforeEach(() => {
  ({ project, ctx } = opsFixture());
});

describe('themes', () => {
  it('builds themes with sub-themes and keeps their codes when deleted', () => {
    const code = run(ops.createCode(project, ctx, { name: 'Housing' })).id;
    const t = run(ops.createTheme(project, ctx, { name: 'Unavailable' })).id;
    const sub = run(ops.createTheme(project, ctx, { name: 'Beds', parentId: t })).id;
    run(ops.addCodeToTheme(project, ctx, t, code));
    expect(ops.addCodeToTheme(project, ctx, t, code).changes).toHaveLength(0);
    run(ops.updateTheme(project, ctx, t, { definition: 'No supply' }));
    expect(project.themes.find((x) => x.id === t)!.definition).toBe('No supply');
    expect(() => ops.moveTheme(project, ctx, t, { parentId: sub, index: 0 })).toThrow(/inside itself/);
    run(ops.removeCodeFromTheme(project, ctx, t, code));
    expect(project.themes.find((x) => x.id === t)!.codeIds).toEqual([]);
    run(ops.deleteTheme(project, ctx, t));
    expect(project.themes.map((x) => [x.name, x.parentId])).toEqual([['Beds', null]]);
    expect(project.codes).toHaveLength(1);
  });

  it('orders top-level themes and moves one under another', () => {
    const a = run(ops.createTheme(project, ctx, { name: 'A' })).id;
    const b = run(ops.createTheme(project, ctx, { name: 'B' })).id;
    const c = run(ops.createTheme(project, ctx, { name: 'C' })).id;
    run(ops.moveTheme(project, ctx, c, { parentId: null, index: 0 }));
    const top = () => project.themes.filter((x) => !x.parentId).sort((x, y) => x.order - y.order).map((x) => x.name);
    expect(top()).toEqual(['C', 'A', 'B']);
    run(ops.moveTheme(project, ctx, b, { parentId: a, index: 0 }));
    expect(project.themes.find((x) => x.id === b)!.parentId).toBe(a);
    expect(top()).toEqual(['C', 'A']);
    expect(() => ops.createTheme(project, ctx, { name: ' ' })).toThrow(/needs a name/);
  });
});
