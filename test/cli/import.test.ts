/**
 * `qda import` end to end through main(): a project is created, each file gets a line
 * saying what came in or why it was refused, the exit code says whether anything was
 * refused, and the saved .qdpx holds the structured transcripts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { readProjectFile, writeProjectFile } from '../../cli/project-file';
import { writeQdc } from '../../shared/formats/refi';
import { applyChanges } from '../../shared/model/changes';
import { seededGuids } from '../../shared/model/ids';
import { emptyProject } from '../../shared/model/project';
import { createCode } from '../../shared/ops';

let dir: string;
const file = (name: string) => path.join(dir, name);
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

async function qda(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'qda-import-'));
  mkdirSync(file('batch'));
  writeFileSync(file('batch/p01.txt'), 'Interviewer: How did you hear about LEAD?\n\nP01: From an officer.\n\nInterviewer: Thanks.\n');
  writeFileSync(file('batch/p02.md'), '**Interviewer:** Hi.\n\n**P02:** Hello – I’m glad.\n\n**P02:** Really.\n');
  writeFileSync(file('batch/empty.txt'), '');
  writeFileSync(file('batch/notes.bin'), 'ignored: not an importable type');
  writeFileSync(file('rows.csv'), 'who,said,at\nAna,Hello there,0:01\nBo,Hi Ana,0:04\n');
  writeFileSync(file('attrs.csv'), 'file,site,age\np01.txt,North,41\np02,South,old\nghost.docx,East,30\nghost2.txt,West,38\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('qda import', () => {
  it('creates the project and imports the reference corpus, printing speakers, turns and characters per file', async () => {
    const files = ['qualcoder_transcript.txt', 'qualcoder_ID1.docx', 'webvttpy_youtube_dl.vtt', 'qualcoder_survey456.csv'].map((f) => path.join(CORPUS, f));
    const { code, out } = await qda('import', file('corpus.qdpx'), ...files);
    expect(code).toBe(0);
    expect(out).toContain(`imported ${files[0]}: speakers id1, id2, id3; 7 turns, 874 characters`);
    expect(out).toContain(`imported ${files[1]}: no speakers (narrative text); 0 turns, 629 characters`);
    expect(out).toContain(`imported ${files[3]}: 3 sources, speakers freetext; 3 turns, 382 characters`);
    expect(out).toMatch(/corpus\.qdpx: 6 sources \(6 new\)\n$/);
    const project = await readProjectFile(file('corpus.qdpx'));
    const transcript = project.sources.find((s) => s.name === 'qualcoder_transcript')!;
    expect(transcript.turns.map((t) => t.speaker)).toEqual(['id1', 'id2', 'id3', 'id1', 'id3', 'id1', 'id2']);
    expect(project.sources.find((s) => s.name === 'qualcoder_ID1')!.text).toContain('€200.');
    expect(project.cases.map((c) => c.name).sort()).toEqual(['ID4', 'ID5', 'ID6']);
  });

  it('imports a folder, refuses the bad file with exit 2, applies attributes and reports rows that matched nothing', async () => {
    const { code, out } = await qda('import', file('study.qdpx'), file('batch'), '--attributes', file('attrs.csv'));
    expect(code).toBe(2);
    expect(out).toContain(`imported ${file('batch/p01.txt')}: speakers Interviewer, P01; 3 turns`);
    expect(out).toContain(`imported ${file('batch/p02.md')}: speakers Interviewer, P02; 3 turns`);
    expect(out).toContain(`refused  ${file('batch/empty.txt')}: the file is empty`);
    expect(out).not.toContain('notes.bin');
    expect(out).toContain("2 rows matched by 'file'; new attributes site, age; 2 new cases");
    expect(out).toContain("row 4: 'ghost.docx' matches no source or case");
    expect(out).toContain("row 3: p02: 'old' is not a whole number (age is integer); not stored");
    expect(out).toMatch(/study\.qdpx: 2 sources \(2 new\); 1 file refused\n$/);
    const project = await readProjectFile(file('study.qdpx'));
    const age = project.attributes.find((a) => a.name === 'age')!;
    expect(age.type).toBe('integer');
    const p01 = project.sources.find((s) => s.name === 'p01')!;
    expect(project.cases.find((c) => c.id === p01.caseId)!.values[age.id]).toBe('41');
  });

  it('a second run recognises the same files and leaves the project file untouched when everything is refused', async () => {
    const again = await qda('import', file('study.qdpx'), file('batch/p01.txt'));
    expect(again.code).toBe(0);
    expect(again.out).toContain("'p01' has the same text as 'p01', already in the project");
    const before = statSync(file('study.qdpx')).mtimeMs;
    const bytes = readFileSync(file('study.qdpx'));
    const refused = await qda('import', file('study.qdpx'), file('batch/empty.txt'), file('missing.txt'));
    expect(refused.code).toBe(2);
    expect(refused.out).toContain(`refused  ${file('missing.txt')}: no such file or folder`);
    expect(statSync(file('study.qdpx')).mtimeMs).toBe(before);
    expect(readFileSync(file('study.qdpx')).equals(bytes)).toBe(true);
  });

  it('writes no project file when nothing was imported into a project that did not exist, and says so', async () => {
    writeFileSync(file('fake.xlsx'), 'not a workbook');
    const { code, out } = await qda('import', file('never.qdpx'), file('batch/empty.txt'), file('fake.xlsx'));
    expect(code).toBe(2);
    expect(out).toContain(`refused  ${file('fake.xlsx')}: this is not an Excel workbook (an Excel workbook is a zip archive`);
    expect(out).toMatch(/never\.qdpx: nothing was imported, so no project was written; 2 files refused\n$/);
    expect(existsSync(file('never.qdpx'))).toBe(false);
  });

  it('counts in the summary are singular for one: 1 turn, 1 source', async () => {
    writeFileSync(file('one.csv'), 'speaker,text\nAna,X\n');
    const { code, out } = await qda('import', file('one.qdpx'), file('one.csv'));
    expect(code).toBe(0);
    expect(out).toContain(`imported ${file('one.csv')}: speakers Ana; 1 turn, 6 characters\n`);
    expect(out).toMatch(/one\.qdpx: 1 source \(1 new\)\n$/);
  });

  it("--attributes refuses a value outside an attribute's declared values unless --add-values adds it", async () => {
    expect((await qda('demo', file('demo.qdpx'))).code).toBe(0);
    writeFileSync(file('sites.csv'), 'source,Site,Participant type\n"Interview 01 - Officer, Site A",Site Z,partner\n');
    const refused = await qda('import', file('demo.qdpx'), '--attributes', file('sites.csv'));
    expect(refused.out).toContain("Interview 01 - Officer, Site A: 'Site Z' is not one of the values of Site ('Site A', 'Site B'); not stored");
    expect(refused.out).toContain("'partner' stored as 'Partner', the declared value of Participant type");
    expect(refused.out).toContain('--add-values');
    const added = await qda('import', file('demo.qdpx'), '--attributes', file('sites.csv'), '--add-values');
    expect(added.out).toContain("row 2: 'Site Z' added to the values of Site");
    const project = await readProjectFile(file('demo.qdpx'));
    const site = project.attributes.find((a) => a.name === 'Site')!;
    expect(site.values).toEqual(['Site A', 'Site B', 'Site Z']);
    const officer = project.sources.find((s) => s.name === 'Interview 01 - Officer, Site A')!;
    expect(project.cases.find((c) => c.id === officer.caseId)!.values[site.id]).toBe('Site Z');
  });

  it('--columns maps row files whose headers are not recognised; without it the file is refused with the reason', async () => {
    const refused = await qda('import', file('rows1.qdpx'), file('rows.csv'));
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/refused {2}.*rows\.csv: no text column: none of the columns \(who, said, at\)/);
    const ok = await qda('import', file('rows2.qdpx'), file('rows.csv'), '--columns', 'speaker=who,text=said,time=at');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('speakers Ana, Bo; 2 turns');
    const project = await readProjectFile(file('rows2.qdpx'));
    expect(project.sources[0]!.turns.map((t) => t.timeMs)).toEqual([1000, 4000]);
    const bad = await qda('import', file('rows3.qdpx'), file('rows.csv'), '--columns', 'voice=who');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--columns takes ROLE=COLUMN pairs');
  });

  it('a .qdpx input is merged into a non-empty project through the team merge', async () => {
    const other = emptyProject({ id: '00000000-0000-4000-8000-000000000001', name: 'Other', now: '2026-11-27T10:00:00Z' });
    const seed = await readProjectFile(file('corpus.qdpx'));
    await writeProjectFile(file('other.qdpx'), { ...other, sources: seed.sources.slice(0, 1) });
    const { code, out } = await qda('import', file('study.qdpx'), file('other.qdpx'));
    expect(code).toBe(0);
    expect(out).toContain(`merged   ${file('other.qdpx')}`);
    const project = await readProjectFile(file('study.qdpx'));
    expect(project.sources.map((s) => s.name)).toContain(seed.sources[0]!.name);
  });

  it('a bare .qde (ATLAS.ti) imports, and what the REFI reader kept without showing is listed with the reason', async () => {
    const qde = path.resolve(__dirname, '../../../shared/refi-qda/samples/atlasti8-mac_refi-standard-project.qde');
    const { code, out } = await qda('import', file('atlas.qdpx'), qde);
    expect(code).toBe(0);
    expect(out).toContain(`imported ${qde}: 0 sources, 14 codes, 0 codings`);
    expect(out).toContain(`${qde}: kept, not shown: PictureSource "cornflakes-n-milk.jpg": a picture source; Lantern QDA shows text sources only`);
    expect(out).toMatch(/kept, not shown: TextSource "Mabel\.txt": its text file internal:\/\/\S+ is not in/);
    expect((await readProjectFile(file('atlas.qdpx'))).codes).toHaveLength(14);
  });

  it('a .qdc codebook input brings its codes into the project', async () => {
    const newId = seededGuids(3);
    const ctx = { newId, now: () => '2026-11-27T10:00:00Z', coderId: newId() };
    let book = emptyProject({ id: newId(), name: 'Book', now: ctx.now() });
    for (const name of ['Services unavailable', 'Staff workarounds']) book = applyChanges(book, createCode(book, ctx, { name }));
    writeFileSync(file('codebook.qdc'), writeQdc(book));
    const { code } = await qda('import', file('study.qdpx'), file('codebook.qdc'));
    expect(code).toBe(0);
    const project = await readProjectFile(file('study.qdpx'));
    expect(project.codes.map((c) => c.name)).toEqual(expect.arrayContaining(['Services unavailable', 'Staff workarounds']));
    const broken = await qda('import', file('study.qdpx'), file('batch/p01.txt'), file('rows.csv').replace('rows.csv', 'nope.qdc'));
    expect(broken.code).toBe(2);
  });

  it('a 200 MB file is refused on its size without stopping the others', async () => {
    writeFileSync(file('huge.txt'), '');
    truncateSync(file('huge.txt'), 200 * 1024 * 1024);
    const { code, out } = await qda('import', file('huge.qdpx'), file('huge.txt'), file('batch/p01.txt'));
    expect(code).toBe(2);
    expect(out).toContain(`refused  ${file('huge.txt')}: the file is 200.0 MB; files over 100.0 MB are refused`);
    expect(out).toContain(`imported ${file('batch/p01.txt')}`);
    expect((await readProjectFile(file('huge.qdpx'))).sources).toHaveLength(1);
  });

  it('usage errors exit 1', async () => {
    expect((await qda('import', file('x.qdpx'))).code).toBe(1);
    expect((await qda('import', file('x.txt'), file('batch/p01.txt'))).code).toBe(1);
  });
});
