/**
 * Another tool's project keeps what the model does not hold (fixtures/refi: a PDF, a
 * picture and an audio source with their selections and codings, a selection past the
 * end of its text, an uncoded one, Links, Graphs, a note's Description, a set's
 * MemberNote, variables on sources): saving it without edits writes it all back, and
 * references to rows deleted meanwhile are dropped rather than written dangling.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { readQdpx, writeQde, writeQdpx } from '../../../../shared/formats/refi';
import { writeZip } from '../../../../shared/formats/zip';
import { applyChanges, lossOf, remove } from '../../../../shared/model';
import { mergeCodes } from '../../../../shared/ops';
import type { Project } from '../../../../shared/model';
import { missingElements } from './tree-compare';

const ROOT = resolve(import.meta.dirname, '../../../..');
const FIXTURES = join(ROOT, 'fixtures/refi');

/** The mixed-media fixture folder as a .qdpx. */
function mixedMedia(): Uint8Array {
  const dir = join(FIXTURES, 'mixed-media');
  const entries: [string, Uint8Array][] = [['project.qde', new Uint8Array(readFileSync(join(dir, 'project.qde')))]];
  for (const f of readdirSync(join(dir, 'sources'))) entries.push([`sources/${f}`, new Uint8Array(readFileSync(join(dir, 'sources', f)))]);
  return writeZip(entries);
}

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'doc.xml', contents: xml }],
    schema: [{ fileName: 'Project.xsd', contents: readFileSync(join(ROOT, 'cli/schemas/Project.xsd'), 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

function entriesOf(qdpx: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(qdpx);
}

describe("keeping another tool's content", () => {
  const original = mixedMedia();
  const originalQde = readFileSync(join(FIXTURES, 'mixed-media/project.qde'), 'utf8');
  const read = () => readQdpx(original, 'garden.qdpx');

  it('reads what it models and reports the rest as kept, not lost', () => {
    const { project, report } = read();
    expect(project.sources.map((s) => s.name)).toEqual(['Rosa interview']);
    expect(project.codings).toHaveLength(2);
    expect(report.skipped).toEqual([]);
    expect(lossOf(project.preserved)).toBeNull();
    expect(report.kept?.map((k) => k.kind).sort()).toEqual(['AudioSource', 'PDFSource', 'PictureSource', 'PlainTextSelection', 'PlainTextSelection']);
  });

  it('writes every element and attribute and every file back when saved without edits', async () => {
    const { project } = read();
    const saved = writeQdpx(project);
    const files = entriesOf(saved);
    const qde = strFromU8(files['project.qde']!);
    expect(missingElements(originalQde, qde)).toEqual([]);
    expect(await schemaErrors(qde)).toEqual([]);
    for (const name of ['sources/garden-flyer.pdf', 'sources/plot-map.png', 'sources/evening-walk.m4a']) {
      expect(files[name], name).toEqual(new Uint8Array(readFileSync(join(FIXTURES, 'mixed-media', name))));
    }
    // The transcript goes back to the entry it came from, under the path that named it.
    expect(Object.keys(files).filter((n) => n.endsWith('.txt'))).toEqual(['sources/7a1f0c2e-1111-4a6b-9c3d-0e8f5a2b7c01.txt']);
    expect(qde).toContain('plainTextPath="internal://7A1F0C2E-1111-4A6B-9C3D-0E8F5A2B7C01.txt"');
  });

  it('keeps it through a second read and write: the same project, the same file', () => {
    const { project } = read();
    const once = writeQdpx(project);
    const again = readQdpx(once, 'garden-again.qdpx').project;
    expect(again.preserved).toStrictEqual(project.preserved);
    expect(strFromU8(entriesOf(writeQdpx(again))['project.qde']!)).toBe(strFromU8(entriesOf(once)['project.qde']!));
  });

  it('costs nothing for our own projects: none of their content is kept aside', () => {
    const { project } = read();
    const ours = readQdpx(writeQdpx({ ...project, preserved: [] }), 'ours.qdpx').project;
    expect(ours.preserved).toEqual([]);
  });

  it('drops references to a deleted code with the smallest element that needs them, and stays schema-valid', async () => {
    const { project } = read();
    const place = project.codes.find((c) => c.name === 'Place')!;
    const children = project.codes.find((c) => c.name === 'Children')!;
    const edited: Project = applyChanges(project, { label: 'Delete', changes: [remove('codes', place)] });
    const qde = writeQde(edited);
    expect(await schemaErrors(qde)).toEqual([]);
    const guid = place.id;
    expect(qde.toLowerCase()).not.toContain(guid);
    // The picture selection keeps its other coding; the link to the code and the graph's pointer to it go.
    expect(qde).toContain('name="north beds"');
    expect(qde.toLowerCase()).toContain(children.id);
    expect(qde).not.toContain('name="shows"');
    expect(qde).toMatch(/<Vertex [^>]*name="Place"/);
    expect(qde).not.toMatch(/<Vertex [^>]*representedGUID="C0DE0003/i);
  });

  it('moves kept codings and links of a merged code to the code it was merged into', async () => {
    const { project } = read();
    const place = project.codes.find((c) => c.name === 'Place')!;
    const beginnings = project.codes.find((c) => c.name === 'Beginnings')!;
    const ctx = { newId: () => '00000000-0000-4000-8000-0000000000aa', now: () => '2026-01-01T00:00:00Z', coderId: project.coders[0]!.id };
    const merged = applyChanges(project, mergeCodes(project, ctx, place.id, beginnings.id));
    const qde = writeQde(merged);
    expect(await schemaErrors(qde)).toEqual([]);
    expect(qde.toLowerCase()).not.toContain(place.id);
    // The picture's coding of Place, the link "shows" and the graph's vertex now name Beginnings.
    const picture = /<PictureSelection[\s\S]*?<\/PictureSelection>/.exec(qde)![0];
    expect(picture.toLowerCase()).toContain(`<coderef targetguid="${beginnings.id}"/>`);
    expect(qde).toMatch(new RegExp(`<Link [^>]*name="shows"[^>]*targetGUID="${beginnings.id}"`, 'i'));
    expect(qde).toMatch(new RegExp(`<Vertex [^>]*representedGUID="${beginnings.id}"`, 'i'));
  });

  it('drops the kept parts of a deleted source and the references to it', async () => {
    const { project } = read();
    const rosa = project.sources[0]!;
    const edited: Project = applyChanges(project, {
      label: 'Delete',
      changes: [remove('sources', rosa), ...project.codings.filter((c) => c.sourceId === rosa.id).map((c) => remove('codings', c))],
    });
    const qde = writeQde(edited);
    expect(await schemaErrors(qde)).toEqual([]);
    expect(qde).not.toContain('Not coded yet');
    expect(qde.toLowerCase()).not.toContain(rosa.id);
    expect(qde).toContain('<PDFSource');
  });

  it('marks a project lossy when something cannot be kept, listing it', () => {
    const { project, report } = readQdpx(new Uint8Array(readFileSync(join(FIXTURES, 'lossy.qde'))), 'lossy.qde');
    const loss = lossOf(project.preserved)!;
    expect(loss.fileName).toBe('lossy.qde');
    expect(loss.items).toEqual([expect.stringMatching(/^Coding ".*": refers to a code DEAD0000-.* that is not in the codebook$/)]);
    expect(report.skipped).toHaveLength(1);
    expect(project.codings).toHaveLength(1);
  });
});
