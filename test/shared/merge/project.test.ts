/** Project merge: two coders' projects become one, every coding attributed, one undo step. */
import { describe, expect, it } from 'vitest';
import type { CharComparison } from '../../../shared/agreement';
import { compareCoders } from '../../../shared/agreement';
import { mergeProject, projectReportText, resolutionKey } from '../../../shared/merge';
import type { OpContext, Project } from '../../../shared/model';
import { applyChanges, invert, seededGuids, tableSchemas } from '../../../shared/model';
import { NOW } from '../agreement/build';
import { T1, T2, benProject } from './team';

function context(coderId: string): OpContext {
  return { newId: seededGuids(4242), now: () => NOW, coderId };
}

function merged() {
  const team = benProject();
  const base = team.ana.project;
  const result = mergeProject(base, team.project, context(team.ana.ana.id), { incomingLabel: 'ben.qdpx' });
  return { team, base, result, project: applyChanges(base, result.set) };
}

const sortById = <T extends { id: string }>(rows: readonly T[]) => rows.slice().sort((a, b) => a.id.localeCompare(b.id));

describe('project merge', () => {
  it('recognises the same transcripts under other names and adds the new one', () => {
    const { team, project, result } = merged();
    expect(project.sources.map((s) => s.name).sort()).toEqual(['interview-01.txt', 'interview-02.txt', 'interview-03.txt']);
    expect(result.mapping.sources[team.s1.id]).toBe(team.ana.s1.id);
    expect(result.mapping.sources[team.s2.id]).toBe(team.ana.s2.id);
    expect(result.report.sources).toContainEqual({ incoming: 'P01 transcript.docx', mergedAs: 'interview-01.txt', how: 'same text' });
    expect(result.report.sources).toContainEqual({ incoming: 'P02.txt', mergedAs: 'interview-02.txt', how: 'same text' });
  });

  it('keeps every coding of both coders, attributed and re-pointed', () => {
    const { team, base, project, result } = merged();
    expect(project.codings).toHaveLength(base.codings.length + team.project.codings.length);
    for (const coding of base.codings) expect(project.codings).toContainEqual(coding);
    for (const coding of team.project.codings) {
      const placed = project.codings.find((c) => c.id === result.mapping.codings[coding.id])!;
      expect(placed).toMatchObject({
        coderId: team.ben.id,
        sourceId: result.mapping.sources[coding.sourceId],
        codeId: result.mapping.codes[coding.codeId],
        start: coding.start,
        end: coding.end,
      });
      expect(project.codes.some((c) => c.id === placed.codeId)).toBe(true);
    }
    expect(project.coders.map((c) => c.name)).toEqual(['Ana', 'Ben']);
    expect(result.report.notPlaced).toEqual([]);
  });

  it('maps codes through the codebook merge and keeps where inductive codes first appeared', () => {
    const { team, project, result } = merged();
    expect(result.mapping.codes[team.housing.id]).toBe(team.ana.housing.id);
    expect(result.mapping.codes[team.trust.id]).toBe(team.ana.trust.id);
    const peer = project.codes.find((c) => c.id === result.mapping.codes[team.peer.id])!;
    expect(peer).toMatchObject({ name: 'Peer support', origin: 'in-vivo', firstSourceId: result.mapping.sources[team.s3.id] });
    expect(project.codes.find((c) => c.id === team.ana.workarounds.id)!.firstSourceId).toBe(team.ana.s2.id);
    expect(project.codes).toHaveLength(8);
    expect(result.report.codebook.counts).toMatchObject({ renamed: 1, moved: 1, conflicting: 1, new: 2 });
  });

  it('applies codebook resolutions given with the merge', () => {
    const team = benProject();
    const result = mergeProject(team.ana.project, team.project, context(team.ana.ana.id), {
      codeResolutions: { [resolutionKey(1, team.transportation.id)]: { action: 'match', codeId: team.ana.transport.id } },
    });
    const project = applyChanges(team.ana.project, result.set);
    expect(project.codes).toHaveLength(7);
    const bens = project.codings.filter((c) => c.coderId === team.ben.id && c.codeId === team.ana.transport.id);
    expect(bens).toHaveLength(2);
  });

  it('counts the project rows a decision changes', () => {
    const team = benProject();
    const result = mergeProject(team.ana.project, team.project, context(team.ana.ana.id), {
      codeResolutions: { [resolutionKey(1, team.transport.id)]: { action: 'keep-b' } },
    });
    expect(result.report.updated).toEqual({ codes: 1 });
    expect(projectReportText(result.report)).toMatch(/Updated: 1 code\./);
    const project = applyChanges(team.ana.project, result.set);
    expect(project.codes.find((c) => c.id === team.ana.transport.id)!.definition).toBe(team.transport.definition);
  });

  it('writes only rows the schemas accept (the app validates every row before it stores a change)', () => {
    const { result } = merged();
    for (const change of result.set.changes) {
      if (change.table === 'meta' || !change.after) continue;
      expect(() => tableSchemas[change.table].parse(change.after)).not.toThrow();
    }
  });

  it('is one undo step: inverting the change set gives the base project back', () => {
    const { base, project, result } = merged();
    expect(result.set.label).toBe("Merge 'ben.qdpx'");
    const undone = applyChanges(project, invert(result.set));
    for (const table of ['coders', 'sources', 'codes', 'codings', 'memos', 'cases', 'attributes', 'themes'] as const) {
      expect(sortById(undone[table] as { id: string }[])).toEqual(sortById(base[table] as { id: string }[]));
    }
  });

  it('keeps this project’s version of a coding both copies share but one side since adjusted', () => {
    const { team, project } = merged();
    // Ben's copy of the merged project; Ana then widens her coding, Ben does not.
    const mine = project.codings.find((c) => c.coderId === team.ana.ana.id)!;
    const edited = { ...project, codings: project.codings.map((c) => (c.id === mine.id ? { ...c, end: c.end + 2 } : c)) };
    const again = mergeProject(edited, project, context(team.ana.ana.id));
    expect(again.set.changes).toEqual([]);
    expect(again.report.conflicts).toEqual([
      expect.objectContaining({ table: 'codings', kept: expect.stringContaining(`${mine.start}-${mine.end + 2}`), incoming: expect.stringContaining(`${mine.start}-${mine.end}`) }),
    ]);
  });

  it('merging the same project again adds nothing', () => {
    const { team, project } = merged();
    const again = mergeProject(project, team.project, context(team.ana.ana.id));
    expect(again.set.changes).toEqual([]);
    expect(again.report.alreadyPresent).toMatchObject({ sources: 3, codings: team.project.codings.length });
  });

  it('agreement on the merged project matches a hand count', () => {
    const { team, project } = merged();
    const cmp = compareCoders(project, { coderIds: [team.ana.ana.id, team.ben.id], unit: 'char' }) as CharComparison;
    expect(cmp.sources.map((s) => s.name)).toEqual(['interview-01.txt', 'interview-02.txt']);
    expect(cmp.skippedSources.map((s) => [s.name, s.reason])).toEqual([['interview-03.txt', 'not coded by Ana']]);
    const row = (codeId: string, sourceId: string) => cmp.rows.find((r) => r.codeId === codeId && r.sourceId === sourceId)!;
    const [s1, s2] = [team.ana.s1.id, team.ana.s2.id];
    // transport in s1: Ana "The bus never comes" (19), Ben the same plus ", so I miss appointments" (24).
    expect(row(team.ana.transport.id, s1)).toMatchObject({ both: 19, aOnly: 0, bOnly: 24, neither: T1.length - 43 });
    // police in s1: Ana "We call the case manager first." (31), Ben "Officer" (7): no overlap.
    expect(row(team.ana.police.id, s1)).toMatchObject({ both: 0, aOnly: 31, bOnly: 7 });
    // housing in s2: identical.
    expect(row(team.ana.housing.id, s2)).toMatchObject({ both: 19, aOnly: 0, bOnly: 0, kappa: 1 });
    // workarounds in s2: Ana "We find workarounds." (20), Ben "workarounds" (11).
    expect(row(team.ana.workarounds.id, s2)).toMatchObject({ both: 11, aOnly: 9, bOnly: 0, neither: T2.length - 20 });
    // Transportation barrier: Ben "The bus" (7) only.
    expect(row(team.transportation.id, s1)).toMatchObject({ both: 0, aOnly: 0, bOnly: 7 });
    expect(cmp.rows).toHaveLength(5);
    // Overall: the 5 codes either coder applied in the compared sources, x both sources' characters.
    const codes = cmp.codes.length;
    expect(codes).toBe(5);
    const total = codes * (T1.length + T2.length);
    expect(cmp.overall.pooled).toMatchObject({ both: 49, aOnly: 40, bOnly: 38, total });
    expect(cmp.overall.pooled.neither).toBe(total - 49 - 40 - 38);
  });

  it('lists what it could not place and re-targets memos, attributed to their author', () => {
    const team = benProject();
    const b = team.builder;
    const stray = b.coding(team.ben, team.peer, team.s3, 0, 5000);
    const ghost = b.coding(team.ben, team.peer, team.s3, 0, 4, { codeId: '11111111-2222-4333-8444-555555555555' });
    b.project.memos.push(
      { id: b.newId(), title: 'On housing', target: { kind: 'code', id: team.housing.id }, body: [{ type: 'paragraph', children: [{ text: 'See ' }, { type: 'link', target: { kind: 'source', id: team.s2.id }, children: [{ text: 'P02' }] }] }], authorId: team.ben.id, createdAt: NOW, modifiedAt: NOW },
      { id: b.newId(), title: 'On a lost coding', target: { kind: 'coding', id: stray.id }, body: [], authorId: team.ben.id, createdAt: NOW, modifiedAt: NOW },
    );
    const result = mergeProject(team.ana.project, b.project, context(team.ana.ana.id));
    const project = applyChanges(team.ana.project, result.set);
    expect(result.report.notPlaced.map((n) => [n.table, n.id, n.reason])).toEqual([
      ['codings', stray.id, `it lies outside the text (0-${team.s3.text.length})`],
      ['codings', ghost.id, 'its code is not in the incoming project'],
      ['memos', b.project.memos[1]!.id, 'the coding it is written on was not placed'],
    ]);
    const memo = project.memos.find((m) => m.title === 'On housing')!;
    expect(memo.target).toEqual({ kind: 'code', id: team.ana.housing.id });
    expect(memo.authorId).toBe(team.ben.id);
    expect(memo.body[0]).toMatchObject({ children: [{ text: 'See ' }, { type: 'link', target: { kind: 'source', id: team.ana.s2.id } }] });
    expect(projectReportText(result.report)).toMatch(/Not placed:\n {2}coding 0-5000 in 'interview-03.txt': it lies outside the text/);
  });

  it('matches coders by name when GUIDs differ, unless told to keep them apart', () => {
    const team = benProject();
    team.project.coders[0]!.name = 'ana';
    const byName = mergeProject(team.ana.project, team.project, context(team.ana.ana.id));
    expect(byName.mapping.coders[team.ben.id]).toBe(team.ana.ana.id);
    expect(byName.report.coders).toEqual([{ incoming: 'ana', mergedAs: 'Ana', how: 'name' }]);
    const apart = mergeProject(team.ana.project, team.project, context(team.ana.ana.id), { coderMap: { [team.ben.id]: 'new' }, incomingLabel: 'laptop 2' });
    const project: Project = applyChanges(team.ana.project, apart.set);
    expect(project.coders.map((c) => c.name)).toEqual(['Ana', 'ana']);
    const mapped = mergeProject(team.ana.project, benProject().project, context(team.ana.ana.id), { coderMap: { [team.ben.id]: team.ana.ana.id } });
    expect(mapped.report.coders[0]!.how).toBe('user');
  });

  it('merges cases and attributes by name, keeping the base value where they differ', () => {
    const team = benProject();
    const ana = team.ana.project;
    const role = { id: team.ana.builder.newId(), name: 'Role', type: 'text' as const, values: ['partner', 'participant'] };
    ana.attributes.push(role);
    ana.cases.push({ id: team.ana.builder.newId(), name: 'P01', values: { [role.id]: 'participant' } });
    const benRole = { id: team.builder.newId(), name: 'role', type: 'text' as const, values: ['partner', 'participant', 'staff'] };
    const site = { id: team.builder.newId(), name: 'Site', type: 'text' as const };
    team.project.attributes.push(benRole, site);
    const benCase = { id: team.builder.newId(), name: 'p01', values: { [benRole.id]: 'partner', [site.id]: 'A' } };
    team.project.cases.push(benCase);
    team.s1.caseId = benCase.id;
    const result = mergeProject(ana, team.project, context(team.ana.ana.id));
    const project = applyChanges(ana, result.set);
    expect(project.cases).toHaveLength(1);
    const siteId = result.mapping.attributes[site.id]!;
    expect(project.cases[0]!.values).toEqual({ [role.id]: 'participant', [siteId]: 'A' });
    expect(project.attributes.find((a) => a.id === role.id)!.values).toEqual(['partner', 'participant', 'staff']);
    expect(result.report.conflicts).toContainEqual({ table: 'cases', what: "case 'p01', Role", kept: 'participant', incoming: 'partner' });
    expect(project.sources.find((s) => s.id === team.ana.s1.id)!.caseId).toBe(project.cases[0]!.id);
    // A new source's speakers follow their cases into this project.
    team.s3.speakers = [{ name: 'Prosecutor', role: 'respondent', caseId: benCase.id }];
    const withVoices = applyChanges(ana, mergeProject(ana, team.project, context(team.ana.ana.id)).set);
    expect(withVoices.sources.find((s) => s.name === 'interview-03.txt')!.speakers).toEqual([{ name: 'Prosecutor', role: 'respondent', caseId: project.cases[0]!.id }]);
  });

  it('merges themes by name and unites their codes', () => {
    const team = benProject();
    team.ana.project.themes.push({ id: team.ana.builder.newId(), name: 'Services inaccessible', definition: '', codeIds: [team.ana.transport.id], parentId: null, order: 0 });
    team.project.themes.push(
      { id: team.builder.newId(), name: 'services inaccessible', definition: 'Services exist but cannot be reached.', codeIds: [team.transportation.id, team.transport.id], parentId: null, order: 0 },
      { id: team.builder.newId(), name: 'Staff workarounds', definition: '', codeIds: [team.workarounds.id], parentId: null, order: 1 },
    );
    const result = mergeProject(team.ana.project, team.project, context(team.ana.ana.id));
    const project = applyChanges(team.ana.project, result.set);
    expect(project.themes).toHaveLength(2);
    const inaccessible = project.themes.find((t) => t.name === 'Services inaccessible')!;
    expect(inaccessible.codeIds).toEqual([team.ana.transport.id, result.mapping.codes[team.transportation.id]]);
    expect(inaccessible.definition).toBe('Services exist but cannot be reached.');
  });
});
