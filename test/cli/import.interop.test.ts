/** `qda import` on the reference corpus and another tool's project (../shared). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { readProjectFile } from '../../cli/project-file';
import { sharedPath } from '../interop/shared';

let dir: string;
const file = (name: string) => path.join(dir, name);

async function qda(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'qda-import-interop-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('qda import of third-party files', () => {
  it('creates the project and imports the reference corpus, printing speakers, turns and characters per file', async () => {
    const files = ['qualcoder_transcript.txt', 'qualcoder_ID1.docx', 'webvttpy_youtube_dl.vtt', 'qualcoder_survey456.csv'].map((f) => sharedPath('corpus', f));
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

  it('a bare .qde (ATLAS.ti) imports, and what the REFI reader kept without showing is listed with the reason', async () => {
    const qde = sharedPath('refi-qda/samples/atlasti8-mac_refi-standard-project.qde');
    const { code, out } = await qda('import', file('atlas.qdpx'), qde);
    expect(code).toBe(0);
    expect(out).toContain(`imported ${qde}: 0 sources, 14 codes, 0 codings`);
    expect(out).toContain(`${qde}: kept, not shown: PictureSource "cornflakes-n-milk.jpg": a picture source; Lantern QDA shows text sources only`);
    expect(out).toMatch(/kept, not shown: TextSource "Mabel\.txt": its text file internal:\/\/\S+ is not in/);
    expect((await readProjectFile(file('atlas.qdpx'))).codes).toHaveLength(14);
  });
});
