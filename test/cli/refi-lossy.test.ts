/**
 * Another tool's project through the CLI: one that held something we cannot keep is not
 * saved over without --force (the list of what would be left out is printed, exit 2),
 * while writing it to another file is fine; and a project with nothing in it but its
 * users is still a project (exit 0).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { readProjectFile } from '../../cli/project-file';
import { writeZip } from '../../shared/formats/zip';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/refi');
let dir: string;
const file = (name: string) => path.join(dir, name);

async function qda(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'qda-refi-'));
  writeFileSync(file('lossy.qdpx'), writeZip([['project.qde', readFileSync(path.join(FIXTURES, 'lossy.qde'), 'utf8')]]));
  writeFileSync(file('more.txt'), 'Interviewer: Anything else?\n\nJun: The compost bins.\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("another tool's project that cannot be kept whole", () => {
  it('is not saved over without --force, and says what would be left out', async () => {
    const before = readFileSync(file('lossy.qdpx'));
    const r = await qda('import', file('lossy.qdpx'), file('more.txt'));
    expect(r.code).toBe(2);
    const said = r.out + r.err;
    expect(said).toContain('saving over it would leave out');
    expect(said).toMatch(/Coding ".*": refers to a code DEAD0000-0000-4000-8000-000000000009 that is not in the codebook/);
    expect(said).toContain('--force');
    expect(readFileSync(file('lossy.qdpx'))).toEqual(before);
  });

  it('is saved over with --force', async () => {
    const r = await qda('import', file('lossy.qdpx'), file('more.txt'), '--force');
    expect(r.code).toBe(0);
    const project = await readProjectFile(file('lossy.qdpx'));
    expect(project.sources.map((s) => s.name).sort()).toEqual(['Jun diary', 'more']);
  });

  it('is written to another file without --force', async () => {
    const r = await qda('import', file('copy.qdpx'), path.join(FIXTURES, 'lossy.qde'));
    expect(r.code).toBe(0);
    expect((await readProjectFile(file('copy.qdpx'))).codings).toHaveLength(1);
  });
});

describe('a project with nothing in it', () => {
  it('imports as an empty project with exit 0, not "nothing was imported"', async () => {
    const r = await qda('import', file('empty.qdpx'), path.join(FIXTURES, 'empty.qde'));
    expect(r.out).not.toContain('nothing was imported');
    expect(r.code).toBe(0);
    const project = await readProjectFile(file('empty.qdpx'));
    expect(project.meta.name).toBe('Nothing yet');
    expect(project.coders.map((c) => c.name)).toEqual(['Sam']);
    expect([project.sources, project.codes, project.codings]).toEqual([[], [], []]);
  });

  it('shows in qda info with exit 0', async () => {
    const r = await qda('info', path.join(FIXTURES, 'empty.qde'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 sources, 0 codes, 0 codings');
  });
});
