/** Our own files: schema-valid, lossless, and every coding on exactly the same characters. */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { formatReport, readQdpx, readQdc, writeQdc, writeQde, writeQdpx } from '../../../../shared/formats/refi';
import { PositionMap } from '../../../../shared/model/positions';
import { richProject, schemaErrors } from './helpers';

describe('REFI-QDA round trip of our own projects', () => {
  it('writes a project.qde that validates against Project.xsd', async () => {
    expect(await schemaErrors(writeQde(richProject()), 'project')).toEqual([]);
  });

  it('writes every GUID once, lowercase, with every reference and internal:// path resolving', () => {
    const files = unzipSync(writeQdpx(richProject()));
    const qde = strFromU8(files['project.qde']!);
    const declared = [...qde.matchAll(/\sguid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(declared).size).toBe(declared.length);
    for (const g of declared) expect(g).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const refs = [...qde.matchAll(/\s(?:targetGUID|creatingUser|creatingUserGUID|modifyingUser)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) expect(declared, r).toContain(r);
    const paths = [...qde.matchAll(/plainTextPath="internal:\/\/([^"]+)"/g)].map((m) => m[1]!);
    expect(paths).toHaveLength(3);
    for (const path of paths) expect(Object.keys(files)).toContain(`sources/${path}`);
    for (const d of qde.matchAll(/DateTime="([^"]+)"/g)) expect(d[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('writes a codebook that validates against Codebook.xsd and reads back with hierarchy and themes', async () => {
    const p = richProject();
    const qdc = writeQdc(p);
    expect(await schemaErrors(qdc, 'codebook')).toEqual([]);
    expect(qdc).toContain('xmlns="urn:QDA-XML:codebook:1.0"');
    const codesOnly = writeQdc(p.codes);
    expect(await schemaErrors(codesOnly, 'codebook')).toEqual([]);
    expect(codesOnly).not.toContain('<Sets>');
    const back = readQdc(qdc, 'book.qdc');
    expect(back.codes.map((c) => [c.id, c.name, c.parentId, c.color, c.definition, c.codable]).sort()).toEqual(
      p.codes.map((c) => [c.id, c.name, c.parentId, c.color, c.definition, c.codable]).sort(),
    );
    expect(back.themes.map((t) => [t.id, t.name, t.codeIds])).toEqual(
      [...p.themes].sort((a, b) => a.order - b.order).map((t) => [t.id, t.name, t.codeIds]),
    );
  });

  it('restores the whole model: write, read, write gives a deep-equal project and identical bytes', () => {
    const original = richProject();
    const first = writeQdpx(original);
    const { project, report } = readQdpx(first, 'rich.qdpx');
    expect(report.restoredLanternData).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(project).toStrictEqual(original);
    const second = writeQdpx(project);
    expect(readQdpx(second, 'again.qdpx').project).toStrictEqual(original);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('puts each coding on exactly the same characters when only project.qde is read (as another tool would)', () => {
    const original = richProject();
    const files = unzipSync(writeQdpx(original));
    delete files['lantern/project.json'];
    const { project, report } = readQdpx(zipSync(files), 'foreign.qdpx');
    expect(report.restoredLanternData).toBe(false);
    expect(report.positions?.mode).toEqual({ unit: 'codepoint', crlf: 1 });
    const textOf = (p: typeof original, c: (typeof original.codings)[number]) =>
      p.sources.find((s) => s.id === c.sourceId)!.text.slice(c.start, c.end);
    expect(project.codings).toHaveLength(original.codings.length);
    for (const c of original.codings) {
      const back = project.codings.find((b) => b.id === c.id)!;
      expect(back, c.id).toBeDefined();
      expect([back.start, back.end, textOf(project, back)]).toEqual([c.start, c.end, textOf(original, c)]);
      expect(back.codeId).toBe(c.codeId);
      expect(back.coderId).toBe(c.coderId);
    }
    // Without our extras the standard fields still come back.
    expect(project.codes.map((c) => [c.id, c.name, c.parentId, c.definition]).sort()).toEqual(
      original.codes.map((c) => [c.id, c.name, c.parentId, c.definition]).sort(),
    );
    expect(project.cases).toEqual(original.cases);
    expect(project.sources.map((s) => [s.id, s.text, s.caseId])).toEqual(original.sources.map((s) => [s.id, s.text, s.caseId]));
  });

  it('writes offsets in code points over plain-newline UTF-8 text without a BOM', () => {
    const original = richProject();
    const files = unzipSync(writeQdpx(original));
    const s1 = original.sources[0]!;
    const txt = files[`sources/${s1.id}.txt`]!;
    expect([txt[0], txt[1], txt[2]]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(txt)).toBe(s1.text);
    const qde = strFromU8(files['project.qde']!);
    const coding = original.codings.find((c) => c.sourceId === s1.id && s1.text.slice(c.start, c.end).startsWith('caseworker'))!;
    const map = new PositionMap(s1.text);
    expect(map.toCodePoint(coding.start)).toBeLessThan(coding.start); // emoji before it shift UTF-16 offsets
    expect(qde).toContain(`startPosition="${map.toCodePoint(coding.start)}" endPosition="${map.toCodePoint(coding.end)}"`);
  });

  it('escapes markup and strips characters XML cannot hold', async () => {
    const p = richProject();
    p.codes[0]!.name = 'Bad \u0001char & <b>"x"</b>';
    p.meta.name = 'Tab\there\u000b';
    const qde = writeQde(p);
    expect(qde).toContain('name="Bad char &amp; &lt;b&gt;&quot;x&quot;&lt;/b&gt;"');
    expect(qde.includes("\u0001") || qde.includes("\u000b")).toBe(false);
    expect(await schemaErrors(qde, 'project')).toEqual([]);
    const back = readQdpx(writeQdpx(p), 'x.qdpx').project;
    expect(back.meta.name).toBe('Tab\there');
  });

  it('never writes an empty container, and a project with nothing in it is still valid', async () => {
    const p = richProject();
    const bare = { ...p, coders: [], sources: [], codes: [], codings: [], attributes: [], cases: [], themes: [], memos: [], documentSets: [] };
    const qde = writeQde(bare);
    expect(qde).not.toMatch(/<(Users|CodeBook|Variables|Cases|Sources|Notes|Sets)>\s*<\/\1>/);
    expect(await schemaErrors(qde, 'project')).toEqual([]);
    expect(() => writeQdc(bare)).toThrow(/no codes/);
  });
});

describe('import report text', () => {
  it('summarises counts, the position mode, and at most 25 skipped items', () => {
    const report = {
      fileName: 'x.qdpx', origin: 'NVivo 12', restoredLanternData: false, warnings: ['a warning'],
      counts: { sources: 1, codes: 2, codings: 3, users: 1, notes: 0, cases: 0, variables: 0, sets: 0 },
      positions: { mode: { unit: 'utf16' as const, crlf: 2 as const }, label: 'UTF-16 code units, CRLF counted as 2', chosenBy: 'origin' as const, evidence: '3/3 on word boundaries' },
      skipped: Array.from({ length: 30 }, (_, i) => ({ kind: 'PDFSource', name: `doc ${i}`, reason: 'a PDF source' })),
    };
    const text = formatReport(report);
    expect(text).toMatch(/Imported x\.qdpx \(from NVivo 12\):\n {2}1 sources, 2 codes, 3 codings/);
    expect(text).toContain('Positions read as UTF-16 code units, CRLF counted as 2 (origin): 3/3 on word boundaries');
    expect(text).toContain('PDFSource "doc 24"');
    expect(text).not.toContain('doc 25"');
    expect(text).toContain('... and 5 more');
    expect(text).toContain('Warning: a warning');
  });
});
