/** `qda info` and `qda validate`, and the project file they read, run in-process as a user would call them. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { main } from '../../cli/main';
import { projectOrNew, readProjectFile, writeProjectFile } from '../../cli/project-file';
import { buildDemoProject } from '../../fixtures/demo';
import { writeQde } from '../../shared/formats/refi';
import { sourceAttributes, speakerNames } from '../../shared/model/project';

async function qda(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

let dir: string;
let demo: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qda-refi-'));
  demo = join(dir, 'demo.qdpx');
  expect((await qda('demo', demo)).code).toBe(0);
});

describe('qda info', () => {
  it('prints the documented --json shape, with values from the project', async () => {
    const { code, out } = await qda('info', demo, '--json');
    expect(code).toBe(0);
    const info = JSON.parse(out);
    const project = buildDemoProject();
    expect(info.sources).toEqual(
      project.sources.map((s) => ({
        name: s.name,
        speakers: speakerNames(s),
        turns: s.turns.length,
        characters: s.text.length,
        attributes: sourceAttributes(project, s),
      })),
    );
    expect(info.sources.length).toBeGreaterThanOrEqual(8);
    expect(info.sources[0].speakers.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(info.sources[0].attributes).length).toBeGreaterThan(0);
    expect(info).toMatchObject({
      codes: project.codes.length,
      codings: project.codings.length,
      themes: project.themes.length,
      memos: project.memos.length,
      coders: project.coders.map((c) => c.name),
    });
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await qda('info', demo);
    expect(code).toBe(0);
    expect(out).toMatch(/\d+ sources, \d+ codes, \d+ codings, 4 themes/);
    expect(out).toMatch(/characters, \d+ turns \(/);
  });

  it('names the file and the problem for missing, corrupt and hostile files (exit 2), and usage errors (exit 1)', async () => {
    const missing = await qda('info', join(dir, 'nope.qdpx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`${join(dir, 'nope.qdpx')}: no such file`);
    const corrupt = join(dir, 'corrupt.qdpx');
    writeFileSync(corrupt, 'PK\u0003\u0004 this is not really a zip');
    const bad = await qda('info', corrupt);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/corrupt\.qdpx is not a readable zip archive/);
    const slip = join(dir, 'slip.qdpx');
    writeFileSync(slip, zipSync({ 'project.qde': strToU8('<Project name="x"/>'), '../../evil.sh': strToU8('x') }));
    expect((await qda('info', slip)).err).toMatch(/slip\.qdpx: zip entry "\.\.\/\.\.\/evil\.sh" climbs out/);
    expect((await qda('info')).code).toBe(1);
  });
});

describe('qda validate', () => {
  it('accepts our project file, and says our own file is not "Imported" from another tool', async () => {
    const ours = await qda('validate', demo);
    expect(ours).toMatchObject({ code: 0 });
    expect(ours.out).toMatch(/demo\.qdpx:project\.qde: valid REFI-QDA project/);
    expect((await qda('info', demo)).out).not.toContain('Imported');
  });

  it('reports each schema error with its line number and exits 2', async () => {
    const broken = join(dir, 'broken.qde');
    const qde = writeQde(buildDemoProject()).split('\n');
    const codeLine = qde.findIndex((l) => l.includes('<Code '));
    qde[codeLine] = qde[codeLine]!.replace(/ isCodable="(true|false)"/, '');
    const userLine = qde.findIndex((l) => l.includes('<User '));
    qde[userLine] = qde[userLine]!.replace(/guid="[^"]+"/, 'guid="not-a-guid"');
    writeFileSync(broken, qde.join('\n'));
    const result = await qda('validate', broken);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`broken.qde:${userLine + 1}:`);
    expect(result.err).toContain(`broken.qde:${codeLine + 1}:`);
    expect(result.err).toMatch(/isCodable/);
  });

  it('refuses unreadable and hostile files with exit 2', async () => {
    const xxe = join(dir, 'xxe.qdc');
    writeFileSync(xxe, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CodeBook>&e;</CodeBook>');
    const result = await qda('validate', xxe);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/DOCTYPE/);
    expect((await qda('validate', join(dir, 'absent.qdc'))).err).toMatch(/absent\.qdc: no such file/);
  });

  it('says plainly when a .qdpx is empty or not a zip at all', async () => {
    const empty = join(dir, 'empty.qdpx');
    writeFileSync(empty, '');
    expect(await qda('validate', empty)).toMatchObject({ code: 2, err: expect.stringMatching(/empty\.qdpx is empty/) });
    const noise = join(dir, 'noise.qdpx');
    writeFileSync(noise, 'PK? not really a zip, just text');
    expect(await qda('validate', noise)).toMatchObject({ code: 2, err: expect.stringMatching(/noise\.qdpx is not a \.qdpx project: it is not a zip archive/) });
  });
});

describe('option mistakes', () => {
  it('are usage errors (exit 1) with the usage line, never a stack trace', async () => {
    for (const argv of [['info', demo, '--bogus'], ['validate', demo, '--json=x'], ['demo', '--nope', join(dir, 'x.qdpx')]]) {
      const result = await qda(...argv);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/Unknown option|does not take|Usage: qda/);
      expect(result.err).not.toMatch(/\s+at .+:\d+:\d+/);
    }
  });
});

describe('project files', () => {
  it('writes atomically: no temp files left, and a failed save leaves the old file untouched', async () => {
    const file = join(dir, 'atomic.qdpx');
    const project = buildDemoProject();
    await writeProjectFile(file, project);
    const before = readFileSync(file);
    const broken = { ...project, sources: [{ ...project.sources[0]!, id: '../escape' }] };
    await expect(writeProjectFile(file, broken)).rejects.toThrow(/atomic\.qdpx: could not build the project file/);
    expect(readFileSync(file).equals(before)).toBe(true);
    await expect(writeProjectFile(join(dir, 'no-such-dir', 'x.qdpx'), project)).rejects.toThrow(/x\.qdpx could not be written/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await readProjectFile(file)).toStrictEqual(project);
  });

  it('opens a new empty project with a coder when the file does not exist yet', async () => {
    const fresh = await projectOrNew(join(dir, 'fresh study.qdpx'));
    expect(fresh.meta.name).toBe('fresh study');
    expect(fresh.coders).toHaveLength(1);
    expect(fresh.sources).toEqual([]);
    expect((await projectOrNew(demo)).sources.length).toBeGreaterThan(0);
  });
});
