/**
 * A project merged with itself adds nothing, however its rows travelled: read back from a
 * .qdpx, or rebuilt with other key orders and optional fields written as undefined (as
 * IndexedDB rows and file rows differ). A memo copied under another GUID is still the same
 * memo; a memo edited on one side is a conflict in the report, never a second copy.
 */
import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../fixtures/demo';
import { readQdpx, writeQdpx } from '../../../shared/formats/refi';
import { mergeProject } from '../../../shared/merge';
import { sameValue } from '../../../shared/merge/same';
import type { Memo, Project } from '../../../shared/model';
import { applyChanges, seededGuids } from '../../../shared/model';

const demo = buildDemoProject();
const context = () => ({ newId: seededGuids(99), now: () => demo.meta.createdAt, coderId: demo.coders[0]!.id });

/** Every object with its keys in reverse order. */
function reorder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reorder) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reorder(v)]),
  ) as T;
}

/** The project as another store hands it back: keys reordered, absent optional fields present as undefined. */
function reorderedClone(project: Project): Project {
  const out = reorder(project);
  out.memos = out.memos.map((m) => ({ authorId: undefined, ...m }));
  out.codes = out.codes.map((c) => ({ firstSourceId: undefined, createdBy: undefined, ...c }));
  out.themes = out.themes.map((t) => ({ color: undefined, ...t }));
  out.sources = out.sources.map((s) => ({ description: undefined, ...s }));
  return out;
}

function expectNothingAdded(incoming: Project) {
  const result = mergeProject(demo, incoming, context());
  expect(result.report.added).toEqual({});
  expect(result.report.updated).toEqual({});
  expect(result.report.conflicts).toEqual([]);
  expect(result.report.notPlaced).toEqual([]);
  expect(result.set.changes).toEqual([]);
  expect(result.report.alreadyPresent).toMatchObject({ memos: demo.memos.length, codings: demo.codings.length, sources: demo.sources.length });
}

describe('merging a project with itself', () => {
  it('the demo has memos to duplicate', () => {
    expect(demo.memos.length).toBeGreaterThan(0);
  });

  it('adds nothing after a round-trip through .qdpx', () => {
    const back = readQdpx(writeQdpx(demo)).project;
    expectNothingAdded(back);
  });

  it('adds nothing when keys come in another order and optional fields as undefined', () => {
    expectNothingAdded(reorderedClone(demo));
  });

  it('adds nothing after both', () => {
    expectNothingAdded(reorderedClone(readQdpx(writeQdpx(demo)).project));
  });
});

describe('memos in a merge', () => {
  const memo = demo.memos[0]!;

  it('recognises a memo copied under another GUID by target, title, words and author', () => {
    const copy: Memo = reorder({ ...memo, id: '00000000-0000-4000-8000-000000000001', createdAt: '2027-01-01T00:00:00Z', modifiedAt: '2027-01-01T00:00:00Z' });
    copy.body = [{ type: 'paragraph', children: [{ text: '  ' }, ...memo.body.flatMap((b) => ('children' in b ? (b.children as { text?: string }[]) : [])).map((c) => ({ text: c.text ?? '', bold: false }))] }];
    const result = mergeProject(demo, { ...demo, memos: [copy] }, context());
    expect(result.report.added.memos).toBeUndefined();
    expect(result.mapping.memos[copy.id]).toBe(memo.id);
  });

  it('adds a memo under another GUID whose words differ', () => {
    const other: Memo = { ...memo, id: '00000000-0000-4000-8000-000000000002', body: [{ type: 'paragraph', children: [{ text: 'A different note.' }] }] };
    const result = mergeProject(demo, { ...demo, memos: [other] }, context());
    expect(result.report.added.memos).toBe(1);
  });

  it('reports a same-GUID memo edited since as a conflict and keeps one copy', () => {
    const firstWords = JSON.stringify(memo.body).match(/"text":"([^"]{1,30})/)![1]!;
    const edited: Memo = { ...memo, body: [{ type: 'paragraph', children: [{ text: 'Rewritten on the other laptop.' }] }] };
    const result = mergeProject(demo, { ...demo, memos: [edited] }, context());
    expect(result.report.added.memos).toBeUndefined();
    expect(result.report.conflicts).toEqual([
      expect.objectContaining({ table: 'memos', kept: expect.stringContaining(firstWords), incoming: 'Rewritten on the other laptop.' }),
    ]);
    const merged = applyChanges(demo, result.set);
    expect(merged.memos.filter((m) => m.title === memo.title && sameValue(m.target, memo.target))).toHaveLength(1);
  });
});

describe('sameValue', () => {
  it('ignores key order and treats an absent key as undefined', () => {
    expect(sameValue({ a: 1, b: { c: [1, { d: 2 }] } }, { b: { c: [1, { d: 2 }] }, a: 1, e: undefined })).toBe(true);
  });
  it('still tells different values, array orders and null from undefined apart', () => {
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: null }, {})).toBe(false);
    expect(sameValue({ a: [] }, { a: {} })).toBe(false);
  });
});

describe('memo authors', () => {
  it('a same-GUID memo whose file does not know its author is the same memo', () => {
    const memo = demo.memos.find((m) => m.authorId)!;
    const { authorId: _unknown, ...anonymous } = memo;
    const result = mergeProject(demo, { ...demo, memos: [anonymous] }, context());
    expect(result.report.added.memos).toBeUndefined();
    expect(result.report.conflicts).toEqual([]);
  });

  it('a same-GUID memo by another author is a conflict that names both', () => {
    const memo = demo.memos.find((m) => m.authorId === demo.coders[0]!.id)!;
    const result = mergeProject(demo, { ...demo, memos: [{ ...memo, authorId: demo.coders[1]!.id }] }, context());
    expect(result.report.added.memos).toBeUndefined();
    expect(result.report.conflicts).toEqual([expect.objectContaining({ table: 'memos', kept: `by ${demo.coders[0]!.name}`, incoming: `by ${demo.coders[1]!.name}` })]);
  });
});

describe('a memo whose target the incoming file lacks', () => {
  it('is listed as not placed, saying the target is missing rather than refused', () => {
    const memo = demo.memos.find((m) => m.target.kind !== 'project')!;
    const result = mergeProject(demo, { ...demo, sources: [], codes: [], themes: [], codings: [], cases: [], memos: [memo] }, context());
    expect(result.report.notPlaced).toContainEqual(expect.objectContaining({ table: 'memos', id: memo.id, reason: `the ${memo.target.kind} it is written on is not in the incoming project` }));
  });
});

describe('rows renamed on one side since the projects parted', () => {
  it('a theme, case, attribute or set with the same GUID and another name is the same row, its name a conflict', () => {
    const [theme, kase, attribute, set] = [demo.themes[0]!, demo.cases[0]!, demo.attributes[0]!, demo.documentSets[0]];
    const incoming: Project = {
      ...demo,
      themes: demo.themes.map((t) => (t.id === theme.id ? { ...t, name: `${t.name} (renamed)` } : t)),
      cases: demo.cases.map((c) => (c.id === kase.id ? { ...c, name: `${c.name}-renamed` } : c)),
      attributes: demo.attributes.map((a) => (a.id === attribute.id ? { ...a, name: `${a.name} (renamed)` } : a)),
      documentSets: demo.documentSets.map((d) => (d.id === set?.id ? { ...d, name: `${d.name} (renamed)` } : d)),
    };
    const result = mergeProject(demo, incoming, context());
    expect(result.report.added).toEqual({});
    const renamed = result.report.conflicts.filter((c) => c.what.startsWith('name of '));
    expect(renamed.map((c) => c.table).sort()).toEqual(['attributes', 'cases', ...(set ? ['documentSets'] : []), 'themes'].sort());
    expect(renamed).toContainEqual({ table: 'themes', what: `name of theme '${theme.name}'`, kept: theme.name, incoming: `${theme.name} (renamed)` });
  });

  it('a source with the same GUID and other text is added beside it, and the report says so', () => {
    const source = demo.sources[0]!;
    const incoming: Project = { ...demo, sources: [{ ...source, name: 'Other name.txt', text: `${source.text} And one more line.` }], codings: [], memos: [] };
    const result = mergeProject(demo, incoming, context());
    expect(result.report.added.sources).toBe(1);
    expect(result.report.conflicts).toContainEqual(expect.objectContaining({ table: 'sources', what: "source 'Other name.txt'", kept: `the text of '${source.name}'` }));
  });
});
