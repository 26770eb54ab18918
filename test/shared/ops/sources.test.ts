/** shared/ops/sources.ts: adding a transcript, and removing it with what only makes sense with it. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/model/changes';
import { put } from '../../../shared/model/changes';
import type { OpContext } from '../../../shared/model/context';
import type { Guid, Project } from '../../../shared/model/schema';
import * as ops from '../../../shared/ops';
import { composeTranscript } from '../../../shared/text/compose';
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

describe('sources', () => {
  it('adds a transcript with its turns, speakers, case and who imported it', () => {
    const kase = run(ops.createCase(project, ctx, { name: 'R02' })).id;
    const structure = composeTranscript([{ speaker: 'Q', text: 'Where?' }, { speaker: 'Bo', text: 'Downtown.' }]);
    const id = run(ops.addSource(project, ctx, { name: ' Interview 2 ', structure, format: 'docx', caseId: kase, description: 'Site B' })).id;
    const source = project.sources.find((s) => s.id === id)!;
    expect(source).toMatchObject({ name: 'Interview 2', format: 'docx', caseId: kase, description: 'Site B', importedBy: ctx.coderId });
    expect(source.turns.map((t) => t.speaker)).toEqual(['Q', 'Bo']);
    expect(() => ops.addSource(project, ctx, { name: '', structure, format: 'txt' })).toThrow(/needs a name/);
  });

  it('deletes a source with its codings, the memos on them and on it, and its place in document sets', () => {
    const code = run(ops.createCode(project, ctx, { name: 'C' })).id;
    const coding = run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: 0, end: 5 })).id;
    run(ops.createMemo(project, ctx, { target: { kind: 'coding', id: coding } }));
    run(ops.createMemo(project, ctx, { target: { kind: 'source', id: sourceId } }));
    const kept = run(ops.createMemo(project, ctx, { target: { kind: 'code', id: code } })).id;
    // A document set holding the source: added directly, as the app's document sets are.
    const set = { id: ctx.newId(), name: 'Wave 1', sourceIds: [sourceId] };
    project = applyChecked(project, { label: 'Add set', changes: [put('documentSets', null, set)] });
    run(ops.deleteSource(project, ctx, sourceId));
    expect(project.sources).toEqual([]);
    expect(project.codings).toEqual([]);
    expect(project.memos.map((m) => m.id)).toEqual([kept]);
    expect(project.documentSets[0]!.sourceIds).toEqual([]);
    expect(project.codes).toHaveLength(1);
  });
});
