/** shared/ops/codings.ts: applying and removing codes on spans, adjusting codings, exemplars, turns. */
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

describe('codings', () => {
  let code: Guid;
  beforeEach(() => {
    code = run(ops.createCode(project, ctx, { name: 'Housing' })).id;
  });

  it('trims white space and joins overlapping or adjacent spans of the same coder', () => {
    const text = project.sources[0]!.text;
    const start = text.indexOf('We waited');
    run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: start - 1, end: start + 9 }));
    expect(codingsOf(code)).toEqual([[start, start + 9, 'A']]);
    const again = run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: start + 2, end: start + 5 }));
    expect(again.changes).toHaveLength(0);
    run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: start + 9, end: start + 20 }));
    // Touching spans join; the leading space of the second selection is trimmed first.
    expect(codingsOf(code)).toEqual([[start, start + 9, 'A'], [start + 10, start + 20, 'A']]);
    run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: start + 5, end: start + 12 }));
    expect(codingsOf(code)).toEqual([[start, start + 20, 'A']]);
    run(ops.applyCode(project, other, { sourceId, codeId: code, start, end: start + 4 }));
    expect(codingsOf(code)).toHaveLength(2);
  });

  it('never splits an emoji and refuses spans outside the text or on categories', () => {
    const text = project.sources[0]!.text;
    const emoji = text.indexOf('😀');
    run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: emoji + 1, end: emoji + 1 + 1 }));
    expect(codingsOf(code)).toEqual([[emoji, emoji + 2, 'A']]);
    expect(() => ops.applyCode(project, ctx, { sourceId, codeId: code, start: 5, end: 5 })).toThrow(/not inside/);
    expect(() => ops.applyCode(project, ctx, { sourceId, codeId: code, start: 0, end: text.length + 1 })).toThrow(/not inside/);
    const category = run(ops.createCode(project, ctx, { name: 'Cat', codable: false })).id;
    expect(() => ops.applyCode(project, ctx, { sourceId, codeId: category, start: 0, end: 3 })).toThrow(/category/);
  });

  it('removes a code from a span by deleting, trimming or splitting codings', () => {
    run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: 10, end: 40 }));
    run(ops.removeCode(project, ctx, { sourceId, codeId: code, start: 20, end: 25 }));
    expect(codingsOf(code)).toEqual([[10, 20, 'A'], [25, 40, 'A']]);
    run(ops.removeCode(project, ctx, { sourceId, codeId: code, start: 5, end: 15 }));
    expect(codingsOf(code)).toEqual([[15, 20, 'A'], [25, 40, 'A']]);
    run(ops.removeCode(project, ctx, { sourceId, codeId: code, start: 0, end: 22 }));
    expect(codingsOf(code)).toEqual([[25, 40, 'A']]);
  });

  it('adjusts boundaries, folding in codings it now touches, and marks exemplars', () => {
    const a = run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: 10, end: 20 })).id;
    run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: 30, end: 40 }));
    run(ops.adjustCoding(project, ctx, a, { start: 12, end: 25 }));
    expect(codingsOf(code)).toEqual([[12, 25, 'A'], [30, 40, 'A']]);
    run(ops.adjustCoding(project, ctx, a, { start: 12, end: 32 }));
    expect(codingsOf(code)).toEqual([[12, 40, 'A']]);
    expect(project.codings[0]!.id).toBe(a);
    run(ops.setExemplar(project, ctx, a, true));
    expect(project.codings[0]!.exemplar).toBe(true);
    run(ops.setExemplar(project, ctx, a, false));
    expect(project.codings[0]!.exemplar).toBeUndefined();
  });

  it('finds the turn around an offset for coding a whole turn', () => {
    const source = project.sources[0]!;
    const turn = source.turns[1]!;
    expect(ops.turnAt(source, turn.start + 3)).toEqual({ start: turn.start, end: turn.end });
    expect(ops.turnAt(source, 0)).toBeUndefined();
  });
});
