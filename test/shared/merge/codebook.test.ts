/** Codebook merge: matching, classification, proposals and every kind of resolution. */
import { describe, expect, it } from 'vitest';
import type { MergeEntry } from '../../../shared/merge';
import { codebookReportText, mergeCodebooks, resolutionKey, stem, tokenSimilarity } from '../../../shared/merge';
import { seededGuids } from '../../../shared/model';
import { benProject } from './team';

function setup() {
  const team = benProject();
  const inputs = [
    { label: 'Ana', codes: team.ana.project.codes },
    { label: 'Ben', codes: team.project.codes },
  ];
  return { team, inputs, newId: seededGuids(999) };
}

function entryFor(entries: MergeEntry[], codeId: string): MergeEntry {
  const e = entries.find((x) => x.codeId === codeId);
  if (!e) throw new Error(`no entry for ${codeId}`);
  return e;
}

describe('name similarity', () => {
  it('stems plural and -ation forms to the same root', () => {
    expect(stem('barriers')).toBe(stem('barrier'));
    expect(stem('transportation')).toBe(stem('transport'));
    expect(tokenSimilarity('transport barriers', 'Transportation barrier')).toBe(1);
    expect(tokenSimilarity('Housing', 'Police contact')).toBe(0);
  });
});

describe('codebook merge preview', () => {
  it('classifies every incoming code', () => {
    const { team, inputs, newId } = setup();
    const { entries, report } = mergeCodebooks(inputs, {}, { newId });
    const kind = (id: string) => entryFor(entries, id).kind;
    expect(kind(team.barriers.id)).toBe('identical');
    expect(kind(team.housing.id)).toBe('renamed');
    expect(kind(team.police.id)).toBe('moved');
    expect(kind(team.transport.id)).toBe('conflicting');
    expect(entryFor(entries, team.transport.id).differences.map((d) => d.field)).toEqual(['definition']);
    expect(entryFor(entries, team.trust.id)).toMatchObject({ kind: 'matched', matchedBy: 'path', mergedId: team.ana.trust.id });
    expect(kind(team.peer.id)).toBe('new');
    expect(kind(team.transportation.id)).toBe('new');
    expect(entries).toHaveLength(team.project.codes.length);
    expect(report.counts).toEqual({ identical: 2, matched: 1, renamed: 1, moved: 1, conflicting: 1, new: 2 });
  });

  it('proposes the similar name as a likely match without applying it', () => {
    const { team, inputs, newId } = setup();
    const { entries, codes } = mergeCodebooks(inputs, {}, { newId });
    const e = entryFor(entries, team.transportation.id);
    expect(e.proposals[0]).toMatchObject({ codeId: team.ana.transport.id, path: ['Barriers', 'transport barriers'] });
    expect(e.proposals[0]!.why).toMatch(/stemmed words/);
    expect(codes.find((c) => c.id === e.mergedId)).toMatchObject({ name: 'Transportation barrier', origin: 'inductive' });
  });

  it('proposes a code with the same definition under another name', () => {
    const { team, inputs, newId } = setup();
    const renamed = inputs[1]!.codes.map((c) => (c.id === team.peer.id ? { ...c, name: 'Mutual aid', definition: team.ana.housing.definition } : c));
    const { entries } = mergeCodebooks([inputs[0]!, { label: 'Ben', codes: renamed }], {}, { newId });
    const e = entryFor(entries, team.peer.id);
    expect(e.proposals[0]).toMatchObject({ codeId: team.ana.housing.id, why: 'same definition under another name' });
  });

  it('by default keeps the first codebook’s version and maps every code', () => {
    const { team, inputs, newId } = setup();
    const { codes, mapping } = mergeCodebooks(inputs, {}, { newId });
    expect(codes.find((c) => c.id === team.ana.housing.id)!.name).toBe('Housing');
    expect(codes.find((c) => c.id === team.ana.police.id)!.parentId).toBe(team.ana.barriers.id);
    expect(codes.find((c) => c.id === team.ana.transport.id)!.definition).toBe('Getting to services is hard.');
    for (const code of team.project.codes) expect(codes.some((c) => c.id === mapping[1]![code.id])).toBe(true);
    for (const code of team.ana.project.codes) expect(mapping[0]![code.id]).toBe(code.id);
    // 6 codes of Ana plus Ben's two new ones.
    expect(codes).toHaveLength(8);
  });
});

describe('codebook merge resolutions', () => {
  it('keep B takes the incoming definition, name and parent', () => {
    const { team, inputs, newId } = setup();
    const { codes } = mergeCodebooks(
      inputs,
      {
        [resolutionKey(1, team.transport.id)]: { action: 'keep-b' },
        [resolutionKey(1, team.housing.id)]: { action: 'keep-b' },
        [resolutionKey(1, team.police.id)]: { action: 'keep-b' },
      },
      { newId },
    );
    expect(codes.find((c) => c.id === team.ana.transport.id)!.definition).toMatch(/^Distance, fares/);
    expect(codes.find((c) => c.id === team.ana.housing.id)!.name).toBe('Housing instability');
    expect(codes.find((c) => c.id === team.ana.police.id)!.parentId).toBeNull();
  });

  it('edit writes merged text; keep both makes two codes; match accepts a proposal', () => {
    const { team, inputs, newId } = setup();
    const { codes, mapping, entries } = mergeCodebooks(
      inputs,
      {
        [resolutionKey(1, team.transport.id)]: { action: 'edit', fields: { definition: 'Distance, fares, timetables.' } },
        [resolutionKey(1, team.housing.id)]: { action: 'keep-both' },
        [resolutionKey(1, team.transportation.id)]: { action: 'match', codeId: team.ana.transport.id },
      },
      { newId },
    );
    expect(codes.find((c) => c.id === team.ana.transport.id)!.definition).toBe('Distance, fares, timetables.');
    const bensHousing = mapping[1]![team.housing.id]!;
    expect(bensHousing).not.toBe(team.ana.housing.id);
    expect(codes.find((c) => c.id === bensHousing)!.name).toBe('Housing instability');
    expect(mapping[1]![team.transportation.id]).toBe(team.ana.transport.id);
    const accepted = entryFor(entries, team.transportation.id);
    expect(accepted).toMatchObject({ matchedBy: 'user', kind: 'conflicting', resolution: 'match' });
    expect(accepted.differences.map((d) => d.field)).toEqual(['name', 'definition']);
  });

  it('keep both gives a clashing name the codebook’s label', () => {
    const { team, inputs, newId } = setup();
    const { codes, mapping } = mergeCodebooks(inputs, { [resolutionKey(1, team.trust.id)]: { action: 'keep-both' } }, { newId });
    expect(codes.find((c) => c.id === mapping[1]![team.trust.id])!.name).toBe('Trust (Ben)');
  });

  it('refuses a move that would put a code inside itself', () => {
    const { team, inputs, newId } = setup();
    // Ben put Barriers under Police contact; Ana has Police contact under Barriers.
    const looped = inputs[1]!.codes.map((c) =>
      c.id === team.barriers.id ? { ...c, parentId: team.police.id } : c.id === team.police.id ? { ...c, parentId: null } : c,
    );
    const { codes, entries } = mergeCodebooks([inputs[0]!, { label: 'Ben', codes: looped }], { [resolutionKey(1, team.barriers.id)]: { action: 'keep-b' } }, { newId });
    expect(codes.find((c) => c.id === team.barriers.id)!.parentId).toBeNull();
    expect(entryFor(entries, team.barriers.id).note).toMatch(/inside itself/);
  });

  it('does not match a codebook’s code to another of its own codes with the same name', () => {
    const { team, inputs, newId } = setup();
    // Ben uses "Citizenship" under two parents; Ana has neither.
    const under = (parentId: string, id: string) => ({ ...team.peer, id, name: 'Citizenship', parentId, firstSourceId: undefined });
    const ben = [
      ...inputs[1]!.codes,
      under(team.barriers.id, '1a2b3c4d-0000-4000-8000-000000000001'),
      under(team.peer.id, '1a2b3c4d-0000-4000-8000-000000000002'),
    ];
    const { entries, codes } = mergeCodebooks([inputs[0]!, { label: 'Ben', codes: ben }], {}, { newId });
    const citizenship = entries.filter((e) => e.path.at(-1) === 'Citizenship');
    expect(citizenship.map((e) => e.kind)).toEqual(['new', 'new']);
    expect(codes.filter((c) => c.name === 'Citizenship')).toHaveLength(2);
    // Nor is a new code proposed as the category it sits in.
    expect(citizenship.every((e) => e.proposals.every((p) => p.codeId !== team.barriers.id && p.codeId !== e.mergedId))).toBe(true);
  });

  it('lists plain new codes on one line and gives codes that need a reader their own', () => {
    const { inputs, newId } = setup();
    const text = codebookReportText(mergeCodebooks(inputs, {}, { newId }).report);
    expect(text).toMatch(/^- \[new\] 1 code from Ben: Peer support$/m);
    expect(text).toMatch(/^- \[new\] Barriers > Transportation barrier from Ben$/m);
  });

  it('names the first 20 plain new codes and counts the rest, so a whole imported codebook stays one readable line', () => {
    const { team, inputs, newId } = setup();
    const many = Array.from({ length: 262 }, (_, i) => ({ ...team.peer, id: `2b3c4d5e-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Imported code ${String(i + 1).padStart(3, '0')}`, parentId: null }));
    const text = codebookReportText(mergeCodebooks([inputs[0]!, { label: 'NVivo', codes: many }], {}, { newId }).report);
    const line = text.split('\n').find((l) => l.startsWith('- [new] 262 codes from NVivo: '))!;
    expect(line).toContain('Imported code 020; and 242 more');
    expect(line).not.toContain('Imported code 021');
    expect(line.length).toBeLessThan(600);
  });

  it('merges three codebooks in turn and writes a readable report', () => {
    const { team, inputs, newId } = setup();
    const third = { label: 'Cy', codes: [{ ...team.peer, id: '7a0f2a4e-1b2c-4d3e-8f40-5a6b7c8d9e0f', name: 'Peer Support' }] };
    const result = mergeCodebooks([...inputs, third], {}, { newId });
    expect(result.mapping[2]![third.codes[0]!.id]).toBe(result.mapping[1]![team.peer.id]);
    const text = codebookReportText(result.report);
    expect(text).toMatch(/Codebook merge of Ana \(6 codes\), Ben \(8 codes\), Cy \(1 code\)/);
    expect(text).toMatch(/\[conflicting\] Barriers > transport barriers from Ben \(matched by id\)/);
    expect(text).toMatch(/may be 'Barriers > transport barriers'/);
  });
});
