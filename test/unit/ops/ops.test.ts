import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/model/changes';
import { applyChanges, invert } from '../../../shared/model/changes';
import type { OpContext } from '../../../shared/model/context';
import { seededGuids } from '../../../shared/model/ids';
import { canonicalProject, emptyProject } from '../../../shared/model/project';
import type { Guid, Project } from '../../../shared/model/schema';
import { projectSchema } from '../../../shared/model/schema';
import * as ops from '../../../shared/ops';
import { composeTranscript } from '../../../shared/text/compose';

let project: Project;
let ctx: OpContext;
let other: OpContext;
let sourceId: Guid;

/** Apply a change set, check that undo restores the project exactly, then keep it applied. */
function run<T extends ChangeSet>(set: T): T {
  const before = project;
  const after = applyChanges(before, set);
  expect(canonicalProject(applyChanges(after, invert(set)))).toEqual(canonicalProject(before));
  expect(projectSchema.safeParse(after).success).toBe(true);
  project = after;
  return set;
}

const codingsOf = (codeId: Guid) =>
  project.codings.filter((c) => c.codeId === codeId).map((c) => [c.start, c.end, c.coderId === ctx.coderId ? 'A' : 'B']).sort();

beforeEach(() => {
  const newId = seededGuids(42);
  let t = 0;
  const now = () => `2026-01-01T00:00:${String(t++ % 60).padStart(2, '0')}Z`;
  ctx = { newId, now, coderId: newId() };
  other = { newId, now, coderId: newId() };
  project = emptyProject({ id: newId(), name: 'Test', now: now(), coder: { id: ctx.coderId, name: 'A' } });
  project = applyChanges(project, ops.addCoder(project, { ...ctx, newId: () => other.coderId }, { name: 'B' }));
  const structure = composeTranscript([
    { speaker: 'Interviewer', text: 'What happened next?' },
    { speaker: 'Ana', text: 'We waited nine months for housing. Then the bus stopped 😀 running.' },
  ]);
  sourceId = run(ops.addSource(project, ctx, { name: 'Interview 1', structure, format: 'txt' })).id;
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

describe('themes, memos, sources and cases', () => {
  it('builds themes with sub-themes and keeps their codes when deleted', () => {
    const code = run(ops.createCode(project, ctx, { name: 'Housing' })).id;
    const t = run(ops.createTheme(project, ctx, { name: 'Unavailable' })).id;
    const sub = run(ops.createTheme(project, ctx, { name: 'Beds', parentId: t })).id;
    run(ops.addCodeToTheme(project, ctx, t, code));
    expect(ops.addCodeToTheme(project, ctx, t, code).changes).toHaveLength(0);
    run(ops.updateTheme(project, ctx, t, { definition: 'No supply' }));
    expect(() => ops.moveTheme(project, ctx, t, { parentId: sub, index: 0 })).toThrow(/inside itself/);
    run(ops.removeCodeFromTheme(project, ctx, t, code));
    run(ops.deleteTheme(project, ctx, t));
    expect(project.themes.map((x) => [x.name, x.parentId])).toEqual([['Beds', null]]);
    expect(project.codes).toHaveLength(1);
  });

  it('writes memos with rich text and reads them back as plain text', () => {
    const id = run(ops.createMemo(project, ctx, { target: { kind: 'source', id: sourceId }, title: 'Context' })).id;
    const body = [
      { type: 'paragraph' as const, children: [{ text: 'Bold', bold: true }, { text: ' and plain' }] },
      { type: 'bulleted-list' as const, children: [{ type: 'list-item' as const, children: [{ text: 'one' }] }] },
    ];
    run(ops.updateMemo(project, ctx, id, { body }));
    expect(ops.memoPlainText(project.memos[0]!.body)).toBe('Bold and plain\n• one');
    expect(() => ops.createMemo(project, ctx, { target: { kind: 'code', id: sourceId } })).toThrow(/No code/);
    run(ops.deleteMemo(project, ctx, id));
  });

  it('types attribute values, assigns cases and deletes a source with its codings', () => {
    const site = run(ops.createAttribute(project, ctx, { name: 'Site' })).id;
    const months = run(ops.createAttribute(project, ctx, { name: 'Months', type: 'integer' })).id;
    expect(() => ops.createAttribute(project, ctx, { name: 'site' })).toThrow(/exists/);
    const kase = run(ops.createCase(project, ctx, { name: 'R01', values: { [site]: 'Site A' } })).id;
    expect(() => ops.setCaseValue(project, ctx, kase, months, 'twelve')).toThrow(/whole number/);
    run(ops.setCaseValue(project, ctx, kase, months, '12'));
    run(ops.assignCase(project, ctx, sourceId, kase));
    expect(project.sources[0]!.caseId).toBe(kase);
    expect(ops.valueProblem('date', '2026-02-30x')).toMatch(/not a date/);
    expect(ops.valueProblem('boolean', 'Yes')).toBeNull();
    const code = run(ops.createCode(project, ctx, { name: 'C' })).id;
    run(ops.applyCode(project, ctx, { sourceId, codeId: code, start: 0, end: 5 }));
    expect(ops.findDuplicateSource(project, project.sources[0]!.text)?.id).toBe(sourceId);
    run(ops.deleteCase(project, ctx, kase));
    expect(project.sources[0]!.caseId).toBeUndefined();
    run(ops.deleteSource(project, ctx, sourceId));
    expect(project.sources).toHaveLength(0);
    expect(project.codings).toHaveLength(0);
  });
});
