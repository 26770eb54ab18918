/** Case attributes from a CSV keyed by file name or case: typed, matched, and every miss reported. */
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/model/changes';
import { importAttributes, importFiles, inferAttributeType } from '../../../shared/import';
import { createAttribute } from '../../../shared/ops';
import { freshProject, testContext, utf8 } from './helpers';

describe('attribute import', () => {
  it('infers integer, float, boolean, date and text, tolerating a few misfits', () => {
    expect(inferAttributeType(['34', '41', '', '29'])).toBe('integer');
    expect(inferAttributeType(['3.5', '4', '2.25'])).toBe('float');
    expect(inferAttributeType(['yes', 'no', 'Yes'])).toBe('boolean');
    expect(inferAttributeType(['2026-05-03', '2026-06-01'])).toBe('date');
    expect(inferAttributeType(['police', 'case manager'])).toBe('text');
    expect(inferAttributeType(['0', '1', '1'])).toBe('integer');
    expect(inferAttributeType(Array.from({ length: 10 }, (_, i) => (i === 0 ? 'n/a' : String(20 + i))))).toBe('integer');
  });

  it('matches rows by file name (with or without extension) or case name, creates cases, reports misses and misfits', async () => {
    const ctx = testContext();
    let project = freshProject(ctx);
    const files = ['Int: Hi.\nP: Hello.\nInt: Bye.', 'Int: Yo.\nP: Hey.\nInt: Ciao.'].map((text, i) => ({ name: `site-a-${i + 1}.txt`, bytes: utf8(text) }));
    project = applyChanges(project, (await importFiles(project, ctx, files)).set);
    const csv = [
      'File,Role,Age,Started,Site A',
      'site-a-1.txt,police,41,2025-03-01,yes',
      'site-a-2,participant,thirty,2025-04-11,no',
      'nobody.docx,prosecutor,50,2025-01-01,no',
      ',,,,',
      'site-a-1,police,41,2025-03-01,maybe',
    ].join('\n');
    const { set, report } = importAttributes(project, ctx, utf8(csv), 'attrs.csv');
    const after = applyChanges(project, set);
    expect(report.keyColumn).toBe('File');
    expect(report.attributesCreated).toEqual(['Role', 'Age', 'Started', 'Site A']);
    expect(Object.fromEntries(after.attributes.map((a) => [a.name, a.type]))).toEqual({ Role: 'text', Age: 'integer', Started: 'date', 'Site A': 'boolean' });
    expect(report.casesCreated).toEqual(['site-a-1', 'site-a-2']);
    expect(report.unmatched).toEqual([{ line: 4, key: 'nobody.docx' }]);
    expect(report.badValues.map((b) => [b.line, b.attribute, b.value])).toEqual([
      [3, 'Age', 'thirty'],
      [6, 'Site A', 'maybe'],
    ]);
    const byName = Object.fromEntries(after.attributes.map((a) => [a.name, a.id]));
    const kase = after.cases.find((c) => c.name === 'site-a-2')!;
    expect(kase.values).toEqual({ [byName.Role!]: 'participant', [byName.Started!]: '2025-04-11', [byName['Site A']!]: 'no' });
    expect(after.sources.find((s) => s.name === 'site-a-2')!.caseId).toBe(kase.id);
  });

  it("reports a value outside an attribute's declared values and stores a case-insensitive match in the declared spelling", async () => {
    const ctx = testContext();
    let project = freshProject(ctx);
    const files = ['a.txt', 'b.txt', 'c.txt'].map((name, i) => ({ name, bytes: utf8(`Int: Hi ${i}.\nP: Hello.`) }));
    project = applyChanges(project, (await importFiles(project, ctx, files)).set);
    project = applyChanges(project, createAttribute(project, ctx, { name: 'Participant type', type: 'text', values: ['Partner', 'Participant'] }));
    const csv = 'file,Participant type\na.txt,Alien\nb.txt,partner\nc.txt,Participant\n';
    const { set, report } = importAttributes(project, ctx, utf8(csv), 'types.csv');
    const after = applyChanges(project, set);
    expect(report.badValues).toEqual([
      { line: 2, key: 'a.txt', attribute: 'Participant type', value: 'Alien', problem: "'Alien' is not one of the values of Participant type ('Partner', 'Participant')" },
    ]);
    expect(report.respelled).toEqual([{ line: 3, key: 'b.txt', attribute: 'Participant type', value: 'partner', stored: 'Partner' }]);
    const typeId = after.attributes.find((a) => a.name === 'Participant type')!.id;
    const valueOf = (source: string) => after.cases.find((c) => c.id === after.sources.find((s) => s.name === source)!.caseId)?.values[typeId];
    expect([valueOf('a'), valueOf('b'), valueOf('c')]).toEqual([undefined, 'Partner', 'Participant']);
  });

  it('with addValues, a value new to the study is added to the declared values and stored; later spellings follow it', async () => {
    const ctx = testContext();
    let project = freshProject(ctx);
    const files = ['a.txt', 'b.txt'].map((name, i) => ({ name, bytes: utf8(`Int: Hi ${i}.\nP: Hello.`) }));
    project = applyChanges(project, (await importFiles(project, ctx, files)).set);
    project = applyChanges(project, createAttribute(project, ctx, { name: 'Site', type: 'text', values: ['Site A', 'Site B'] }));
    const csv = utf8('file,Site\na.txt,Site Z\nb.txt,site z\n');
    expect(importAttributes(project, ctx, csv, 'sites.csv').report.badValues).toHaveLength(2);
    const { set, report } = importAttributes(project, ctx, csv, 'sites.csv', { addValues: true });
    const after = applyChanges(project, set);
    expect(report.badValues).toEqual([]);
    expect(report.valuesAdded).toEqual([{ line: 2, attribute: 'Site', value: 'Site Z' }]);
    expect(report.respelled).toEqual([{ line: 3, key: 'b.txt', attribute: 'Site', value: 'site z', stored: 'Site Z' }]);
    const site = after.attributes.find((a) => a.name === 'Site')!;
    expect(site.values).toEqual(['Site A', 'Site B', 'Site Z']);
    expect(after.cases.map((c) => c.values[site.id])).toEqual(['Site Z', 'Site Z']);
  });

  it('refuses a file without attribute columns or data rows', async () => {
    const ctx = testContext();
    const project = freshProject(ctx);
    expect(() => importAttributes(project, ctx, utf8('file\nx.txt\n'), 'keys.csv')).toThrow(/^keys\.csv: the attributes file has only the key column/);
    expect(() => importAttributes(project, ctx, utf8('file,age\n'), 'head.csv')).toThrow(/^head\.csv: the attributes file needs a header row and at least one data row/);
  });
});
