/** Each stage of the project merge on its own: what it reads from the state, what it adds. */
import { describe, expect, it } from 'vitest';
import { MERGE_STAGES, MergeState } from '../../../shared/merge/stages';
import { mergeAttributes, mergeCases, placeSources } from '../../../shared/merge/stages/cases';
import { mergeCoders } from '../../../shared/merge/stages/coders';
import { mergeCodes } from '../../../shared/merge/stages/codes';
import { mergeCodings } from '../../../shared/merge/stages/codings';
import { listLeftovers } from '../../../shared/merge/stages/leftovers';
import { mergeMemos } from '../../../shared/merge/stages/memos';
import { matchSources } from '../../../shared/merge/stages/sources';
import { mergeDocumentSets, mergeThemes } from '../../../shared/merge/stages/themes';
import type { Memo, Project, Theme } from '../../../shared/model';
import { seededGuids } from '../../../shared/model';
import { NOW } from '../agreement/build';
import { benProject } from './team';

function state(base: Project, incoming: Project) {
  return new MergeState(base, incoming, { newId: seededGuids(7), now: () => NOW, coderId: base.coders[0]!.id });
}

const tables = (m: MergeState) => m.changes.map((c) => c.table);

describe('project merge stages', () => {
  it('runs every stage once, coders first and leftovers last', () => {
    expect(MERGE_STAGES.map(([name]) => name)).toEqual([
      'coders', 'sources', 'codes', 'attributes', 'cases', 'place sources', 'codings', 'themes', 'document sets', 'memos', 'leftovers',
    ]);
  });

  it('coders: a new coder is added and mapped', () => {
    const team = benProject();
    const m = state(team.ana.project, team.project);
    mergeCoders(m);
    expect(tables(m)).toEqual(['coders']);
    expect(m.mapping.coders[team.ben.id]).toBe(team.ben.id);
    expect(m.coderLines).toEqual([{ incoming: 'Ben', mergedAs: 'Ben', how: 'new' }]);
  });

  it('sources: the same text is matched, a new text is held back for the cases stage', () => {
    const team = benProject();
    const m = state(team.ana.project, team.project);
    matchSources(m);
    expect(m.mapping.sources[team.s1.id]).toBe(team.ana.s1.id);
    expect(m.newSources.map((s) => s.name)).toEqual(['interview-03.txt']);
    expect(m.changes).toEqual([]);
    expect(m.present.sources).toBe(2);
  });

  it('codes: the codebook merge is applied and its mapping kept for later stages', () => {
    const team = benProject();
    const m = state(team.ana.project, team.project);
    mergeCodes(m);
    expect(m.mapping.codes[team.trust.id]).toBe(team.ana.trust.id);
    expect(m.codebookReport).not.toBeNull();
    expect(m.codes.some((c) => c.name === 'Peer support')).toBe(true);
    expect(tables(m)).toContain('codes');
  });

  it('attributes and cases: matched by name, a missing value filled, a differing one kept and reported', () => {
    const team = benProject();
    const base = team.ana.project;
    const incoming = team.project;
    base.attributes.push({ id: 'a0000000-0000-4000-8000-000000000001', name: 'Site', type: 'text' });
    incoming.attributes.push({ id: 'a0000000-0000-4000-8000-000000000002', name: 'site', type: 'text' });
    base.cases.push({ id: 'c0000000-0000-4000-8000-000000000001', name: 'P01', values: { 'a0000000-0000-4000-8000-000000000001': 'North' } });
    incoming.cases.push({ id: 'c0000000-0000-4000-8000-000000000002', name: 'P01', values: { 'a0000000-0000-4000-8000-000000000002': 'South' } });
    incoming.cases.push({ id: 'c0000000-0000-4000-8000-000000000003', name: 'P02', values: {} });
    const m = state(base, incoming);
    mergeAttributes(m);
    mergeCases(m);
    expect(m.mapping.attributes['a0000000-0000-4000-8000-000000000002']).toBe('a0000000-0000-4000-8000-000000000001');
    expect(m.mapping.cases['c0000000-0000-4000-8000-000000000002']).toBe('c0000000-0000-4000-8000-000000000001');
    expect(m.conflicts).toEqual([{ table: 'cases', what: "case 'P01', Site", kept: 'North', incoming: 'South' }]);
    expect(m.added).toEqual({ cases: 1 });
  });

  it('place sources: new sources are added with their mapped case', () => {
    const team = benProject();
    const m = state(team.ana.project, team.project);
    team.s3.caseId = 'c0000000-0000-4000-8000-000000000009';
    m.mapping.cases['c0000000-0000-4000-8000-000000000009'] = 'c0000000-0000-4000-8000-000000000001';
    matchSources(m);
    placeSources(m);
    expect(tables(m)).toEqual(['sources']);
    expect(m.changes[0]!.after).toMatchObject({ name: 'interview-03.txt', caseId: 'c0000000-0000-4000-8000-000000000001' });
  });

  it('codings: placed through the mappings of the stages before, impossible ones listed', () => {
    const team = benProject();
    const m = state(team.ana.project, team.project);
    mergeCoders(m);
    matchSources(m);
    mergeCodes(m);
    const before = m.changes.length;
    mergeCodings(m);
    const placed = m.changes.slice(before);
    expect(placed.every((c) => c.table === 'codings')).toBe(true);
    // The coding on interview-03 cannot be placed without the sources being added, but its
    // id is mapped already; what is placed points at this project's rows.
    for (const change of placed) expect(change.after).toMatchObject({ coderId: team.ben.id });
    expect(placed.length + (m.present.codings ?? 0) + m.notPlaced.length).toBe(team.project.codings.length);
  });

  it('codings: with no codes mapped, each is listed as not placed', () => {
    const team = benProject();
    const m = state(team.ana.project, team.project);
    mergeCoders(m);
    matchSources(m);
    mergeCodings(m);
    expect(m.changes.filter((c) => c.table === 'codings')).toEqual([]);
    expect(m.notPlaced.map((n) => n.reason)).toEqual(team.project.codings.map(() => 'its code is not in the incoming project'));
  });

  it('themes: matched by name with code lists united; new themes get their parents re-pointed', () => {
    const team = benProject();
    const theme = (id: string, name: string, codeIds: string[], parentId: string | null = null): Theme => ({ id, name, definition: '', codeIds, parentId, order: 0 });
    team.ana.project.themes.push(theme('70000000-0000-4000-8000-000000000001', 'Access', [team.ana.transport.id]));
    team.project.themes.push(theme('70000000-0000-4000-8000-000000000002', 'access', [team.housing.id]));
    team.project.themes.push(theme('70000000-0000-4000-8000-000000000003', 'Sub', [], '70000000-0000-4000-8000-000000000002'));
    const m = state(team.ana.project, team.project);
    m.mapping.codes[team.housing.id] = team.ana.housing.id;
    mergeThemes(m);
    expect(m.changes.map((c) => [c.table, c.before === null ? 'add' : 'update'])).toEqual([['themes', 'update'], ['themes', 'add']]);
    expect(m.changes[0]!.after).toMatchObject({ codeIds: [team.ana.transport.id, team.ana.housing.id] });
    expect(m.changes[1]!.after).toMatchObject({ name: 'Sub', parentId: '70000000-0000-4000-8000-000000000001' });
  });

  it('document sets: members re-pointed and united, lost members listed', () => {
    const team = benProject();
    team.ana.project.documentSets.push({ id: '50000000-0000-4000-8000-000000000001', name: 'Site A', sourceIds: [team.ana.s1.id] });
    team.project.documentSets.push({ id: '50000000-0000-4000-8000-000000000002', name: 'Site A', sourceIds: [team.s2.id, 'f0000000-0000-4000-8000-000000000000'] });
    const m = state(team.ana.project, team.project);
    m.mapping.sources[team.s2.id] = team.ana.s2.id;
    mergeDocumentSets(m);
    expect(m.changes[0]!.after).toMatchObject({ sourceIds: [team.ana.s1.id, team.ana.s2.id] });
    expect(m.notPlaced).toHaveLength(1);
  });

  it('memos: re-targeted through the mapping; one on a row not mapped is listed', () => {
    const team = benProject();
    const memo = (id: string, targetId: string): Memo => ({
      id, title: 'Note', target: { kind: 'code', id: targetId }, body: [{ type: 'paragraph', children: [{ text: id }] }], createdAt: NOW, modifiedAt: NOW,
    });
    team.project.memos.push(memo('60000000-0000-4000-8000-000000000001', team.trust.id), memo('60000000-0000-4000-8000-000000000002', team.peer.id));
    const m = state(team.ana.project, team.project);
    m.mapping.codes[team.trust.id] = team.ana.trust.id;
    mergeMemos(m);
    expect(tables(m)).toEqual(['memos']);
    expect(m.changes[0]!.after).toMatchObject({ target: { kind: 'code', id: team.ana.trust.id } });
    expect(m.notPlaced.map((n) => n.reason)).toEqual(['the code it is written on was not placed']);
  });

  it('leftovers: saved queries and settings are listed, not carried over', () => {
    const team = benProject();
    team.project.savedQueries.push({ id: '40000000-0000-4000-8000-000000000001', name: 'Q', query: {} });
    team.project.settings.push({ id: 'theme', value: 'dark' });
    const m = state(team.ana.project, team.project);
    listLeftovers(m);
    expect(m.notPlaced.map((n) => n.table)).toEqual(['savedQueries', 'settings']);
    expect(m.changes).toEqual([]);
  });
});
