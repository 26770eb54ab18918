import { describe, expect, it } from 'vitest';
import { codebookCsvText, describeConflict, importCodebookCsv } from '../../../../renderer/src/features/codebook/codebook-csv';
import { applyChanges, codePath, byId } from '../../../../shared/model';
import { applyCode } from '../../../../shared/ops';
import { ctxFor, smallProject } from '../../store/helpers';

const CSV = `name,parent,definition,inclusion,exclusion,example
Barriers,,Anything that keeps a participant from a service,,,
Waitlists,Barriers,Waiting for a service,"Named waits, ""weeks""",Waiting for court,"""Six weeks for a bed"""
Housing,,Housing found or sought,,,
Detox beds,Services/Health,,,,
,,,,,
,Barriers,orphan row,,,
`;

describe('codebook CSV import', () => {
  it('creates the hierarchy, fills empty fields of existing codes, and keeps their codings', () => {
    const { project: p0, coderId, sourceId, codeId } = smallProject();
    const ctx = ctxFor(3, coderId);
    const project = applyChanges(p0, applyCode(p0, ctx, { sourceId, codeId, start: 60, end: 90 }));
    const result = importCodebookCsv(project, ctx, CSV, 'codebook.csv');
    const after = applyChanges(project, result.set);
    const map = byId(after.codes);
    const paths = after.codes.map((c) => codePath(c, map).join('/')).sort();
    expect(paths).toEqual(['Barriers', 'Barriers/Waitlists', 'Housing', 'Services', 'Services/Health', 'Services/Health/Detox beds']);
    const waitlists = after.codes.find((c) => c.name === 'Waitlists')!;
    expect(waitlists).toMatchObject({ origin: 'deductive', inclusion: 'Named waits, "weeks"', example: '"Six weeks for a bed"', exclusion: 'Waiting for court' });
    // The existing 'Housing' code keeps its id, origin and coding; its empty definition is filled.
    const housing = after.codes.find((c) => c.name === 'Housing')!;
    expect(housing.id).toBe(codeId);
    expect(housing.definition).toBe('Housing found or sought');
    expect(after.codings.filter((c) => c.codeId === codeId)).toHaveLength(1);
    expect(result.created).toBe(5);
    expect(result.updated).toBe(1);
    expect(result.problems).toEqual(['codebook.csv row 7: no code name, row skipped']);
    expect(result.set.label).toBe('Import codebook codebook.csv');
  });

  it('does not overwrite a definition the team already wrote', () => {
    const { project, coderId } = smallProject();
    const ctx = ctxFor(4, coderId);
    const first = applyChanges(project, importCodebookCsv(project, ctx, 'name,definition\nHousing,Ours\n', 'a.csv').set);
    const second = importCodebookCsv(first, ctx, 'name,definition\nHousing,Theirs\n', 'b.csv');
    expect(second.set.changes).toEqual([]);
    expect(first.codes.find((c) => c.name === 'Housing')!.definition).toBe('Ours');
    // ...but says so (QA F9), and replaces it when asked.
    expect(second.conflicts).toEqual([{ row: 2, code: 'Housing', field: 'definition', current: 'Ours', incoming: 'Theirs' }]);
    expect(describeConflict(second.conflicts[0]!)).toBe("row 2: 'Housing' definition is “Ours” in the codebook, “Theirs” in the file");
    const updated = importCodebookCsv(first, ctx, 'name,definition,example\nHousing,Theirs,A quote\n', 'b.csv', { conflicts: 'update' });
    const after = applyChanges(first, updated.set).codes.find((c) => c.name === 'Housing')!;
    expect(after).toMatchObject({ definition: 'Theirs', example: 'A quote' });
    expect(updated.updated).toBe(1);
    // The same text is no conflict.
    expect(importCodebookCsv(first, ctx, 'name,definition\nHousing,Ours\n', 'c.csv').conflicts).toEqual([]);
  });

  it('says when a new code is named like a code elsewhere in the tree, and still creates it', () => {
    const { project, coderId } = smallProject();
    const csv = 'name,parent\nBarriers,\nhousing,Barriers\nOther,Barriers\n';
    const result = importCodebookCsv(project, ctxFor(6, coderId), csv, 'codebook.csv');
    const after = applyChanges(project, result.set);
    expect(after.codes.filter((c) => c.name.toLowerCase() === 'housing')).toHaveLength(2);
    expect(result.namesakes).toEqual(["row 3: 'housing' was created under 'Barriers'; a code of that name is already at the top level"]);
    expect(result.created).toBe(3);
  });

  it('names the file when the name column is missing', () => {
    const { project, coderId } = smallProject();
    expect(() => importCodebookCsv(project, ctxFor(5, coderId), 'label,definition\nA,B\n', 'wrong.csv')).toThrow(/wrong\.csv has no 'name' column/);
  });
});

describe('codebook CSV text', () => {
  it('reads a Windows-1252 or UTF-16 CSV from Excel with its accents, as the importers do', () => {
    const cp1252 = Uint8Array.from([...'name,definition\nCaf', 0xe9, ...',', 0x93, 'x', 0x94].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
    expect(codebookCsvText(cp1252, 'book.csv')).toBe('name,definition\nCafé,“x”');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'name\nNaïve'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(codebookCsvText(utf16, 'book.csv')).toBe('name\nNaïve');
    expect(() => codebookCsvText(new Uint8Array(0), 'empty.csv')).toThrow(/^empty\.csv: the file is empty/);
  });
});
