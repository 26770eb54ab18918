/**
 * Settling a merge on the command line: without a person to ask, conflicts keep the first
 * file's version and likely matches stay apart, so two halves of one code would each show
 * 0% agreement (QA F29). --prefer b, --accept-proposals and --resolutions take the
 * decisions the app's preview offers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../fixtures/demo';
import { main } from '../../cli/main';
import { readProjectFile, writeProjectFile } from '../../cli/project-file';
import { readQdc } from '../../shared/formats/refi';
import type { Project } from '../../shared/model';

let dir: string;
const file = (name: string) => path.join(dir, name);

async function qda(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const demo = buildDemoProject();
const [alex, sam] = demo.coders as [Project['coders'][number], Project['coders'][number]];
const waitlists = demo.codes.find((c) => c.name === 'Waitlists')!;
const housing = demo.codes.find((c) => c.name === 'Housing shortage')!;
const SAM_WAITLIST = '5a5a5a5a-0000-4000-8000-000000000001';
const samsWaitlistCodings = demo.codings.filter((c) => c.coderId === sam.id && c.codeId === waitlists.id).length;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'qda-decisions-'));
  await writeProjectFile(file('alex.qdpx'), { ...demo, coders: [alex], codings: demo.codings.filter((c) => c.coderId === alex.id) });
  // Sam made his own "Waitlist" code (another GUID) and wrote his own definition of Housing shortage.
  const samProject: Project = {
    ...demo,
    coders: [sam],
    memos: [],
    codes: [
      ...demo.codes.filter((c) => c.id !== waitlists.id).map((c) => (c.id === housing.id ? { ...c, definition: 'Sam’s definition.' } : c)),
      { ...waitlists, id: SAM_WAITLIST, name: 'Waitlist' },
    ],
    codings: demo.codings.filter((c) => c.coderId === sam.id).map((c) => (c.codeId === waitlists.id ? { ...c, codeId: SAM_WAITLIST } : c)),
  };
  await writeProjectFile(file('sam.qdpx'), samProject);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function mergedWith(name: string, ...options: string[]) {
  const result = await qda('merge', file('alex.qdpx'), file('sam.qdpx'), '-o', file(name), ...options);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return { result, project: await readProjectFile(file(name)) };
}

function expectSettled(project: Project) {
  expect(project.codes).toHaveLength(demo.codes.length);
  expect(project.codes.find((c) => c.id === housing.id)!.definition).toBe('Sam’s definition.');
  const samId = project.coders.find((c) => c.name === sam.name)!.id;
  expect(project.codings.filter((c) => c.coderId === samId && c.codeId === waitlists.id)).toHaveLength(samsWaitlistCodings);
}

describe('qda merge decisions', () => {
  it('without options keeps the first file’s version and lists the likely match apart', async () => {
    const { result, project } = await mergedWith('plain.qdpx');
    expect(result.out).toMatch(/Waitlist from \S*sam\.qdpx\n {4}may be 'Barriers to services > Waitlists'/);
    expect(project.codes).toHaveLength(demo.codes.length + 1);
    expect(project.codes.find((c) => c.id === housing.id)!.definition).toBe(housing.definition);
  });

  it('--prefer b --accept-proposals takes the later file’s definition and joins the likely match', async () => {
    const { result, project } = await mergedWith('auto.qdpx', '--prefer', 'b', '--accept-proposals');
    expect(result.out).toMatch(/\[renamed\] Barriers to services > Waitlist from \S*sam\.qdpx \(matched by user\)/);
    expect(result.out).toMatch(/resolved: keep-b/);
    expectSettled(project);
  });

  it('--resolutions applies decisions keyed as the report’s entries', async () => {
    writeFileSync(file('decisions.json'), JSON.stringify({ [`1:${SAM_WAITLIST}`]: { action: 'match', codeId: waitlists.id }, [`1:${housing.id}`]: 'keep-b' }));
    const { project } = await mergedWith('decided.qdpx', '--resolutions', file('decisions.json'));
    expectSettled(project);
  });

  it('refuses a decisions file with a key no code has, or a bad shape, and writes nothing', async () => {
    writeFileSync(file('typo.json'), JSON.stringify({ '1:not-a-code': 'keep-b' }));
    const typo = await qda('merge', file('alex.qdpx'), file('sam.qdpx'), '-o', file('typo.qdpx'), '--resolutions', file('typo.json'));
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/typo\.json: no code of the merge has the key '1:not-a-code'/);
    expect(existsSync(file('typo.qdpx'))).toBe(false);
    writeFileSync(file('shape.json'), JSON.stringify({ [`1:${housing.id}`]: 'keep-mine' }));
    const shape = await qda('merge', file('alex.qdpx'), file('sam.qdpx'), '-o', file('shape.qdpx'), '--resolutions', file('shape.json'));
    expect(shape.code).toBe(2);
    expect(shape.err).toMatch(/shape\.json: at '1:/);
    writeFileSync(file('ghost.json'), JSON.stringify({ [`1:${SAM_WAITLIST}`]: { action: 'match', codeId: 'no-such-code' } }));
    const ghost = await qda('merge', file('alex.qdpx'), file('sam.qdpx'), '-o', file('ghost.qdpx'), '--resolutions', file('ghost.json'));
    expect(ghost.code).toBe(2);
    expect(ghost.err).toMatch(/ghost\.json: the resolution for 'Waitlist' names a code that is not in the merged codebook/);
    expect(existsSync(file('ghost.qdpx'))).toBe(false);
  });

  it('refuses a side other than a or b', async () => {
    const result = await qda('merge', file('alex.qdpx'), file('sam.qdpx'), '-o', file('x.qdpx'), '--prefer', 'theirs');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/--prefer must be 'a' .* or 'b'/);
  });
});

describe('qda codebook merge decisions', () => {
  it('takes the same options', async () => {
    const plain = await qda('codebook', 'merge', file('alex.qdpx'), file('sam.qdpx'), '-o', file('plain.qdc'));
    expect(plain.code).toBe(0);
    expect(readQdc(readFileSync(file('plain.qdc')), 'plain.qdc').codes).toHaveLength(demo.codes.length + 1);
    const auto = await qda('codebook', 'merge', file('alex.qdpx'), file('sam.qdpx'), '-o', file('auto.qdc'), '--prefer', 'b', '--accept-proposals');
    expect(auto.err).toBe('');
    const { codes } = readQdc(readFileSync(file('auto.qdc')), 'auto.qdc');
    expect(codes).toHaveLength(demo.codes.length);
    expect(codes.find((c) => c.name === housing.name)!.definition).toBe('Sam’s definition.');
  });
});
