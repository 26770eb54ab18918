/** `qda deidentify`, run in-process as a user would call it, on the invented fixture study. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { checkFile } from '../../cli/commands/validate';
import { readProjectFile, writeProjectFile } from '../../cli/project-file';
import { buildDeidFixture, SEEDED } from '../../fixtures/deid';
import { checkCodings, findCandidates } from '../../shared/deid';
import { compromiseFinder } from '../../shared/deid/compromise';
import { readZip } from '../../shared/formats/zip';

async function qda(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** Every entry of the .qdpx as text: what anyone opening the copy could read. */
function contents(file: string): string {
  const zip = readZip(new Uint8Array(readFileSync(file)), file);
  return zip.names.map((n) => new TextDecoder().decode(zip.get(n)!)).join('\n');
}

let dir: string;
let input: string;
let original: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qda-deid-'));
  input = join(dir, 'study.qdpx');
  await writeProjectFile(input, buildDeidFixture().project);
  original = readFileSync(input);
});

describe('qda deidentify --auto', () => {
  const out = () => join(dir, 'copy.qdpx');
  let run: Awaited<ReturnType<typeof qda>>;
  beforeAll(async () => {
    run = await qda('deidentify', input, '-o', out(), '--auto', '--mapping', join(dir, 'mapping.csv'), '--report', join(dir, 'candidates.json'));
  }, 30_000);

  it('writes a valid copy with every identifier replaced and leaves the original byte for byte', async () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Replaced \d+ occurrences of \d+ identifiers; all 7 codings cover the same words/);
    expect(readFileSync(input).equals(original)).toBe(true);
    const text = contents(out());
    for (const { text: id } of SEEDED.filter((s) => s.category !== 'age')) expect(text, id).not.toContain(id);
    expect(text).not.toMatch(/\bMarcus\b|\bYolanda\b|\bBrennan\b/);
    expect(text).toContain('[Participant 1]');
    expect(await checkFile(out())).toMatchObject({ valid: true, errors: [] });
  });

  it('keeps every coding on the same words, coding by coding, after the round trip through the file', async () => {
    const before = await readProjectFile(input);
    const after = await readProjectFile(out());
    expect(after.meta.id).not.toBe(before.meta.id);
    expect(after.codings).toHaveLength(before.codings.length);
    const decisions = findCandidates(before, { finder: compromiseFinder });
    expect(checkCodings(before, after, decisions)).toEqual({ checked: 7, problems: [] });
  });

  it('is a project like any other: exports and reports read it', async () => {
    const csv = join(dir, 'excerpts.csv');
    expect((await qda('export', out(), '--format', 'csv', '-o', csv)).code).toBe(0);
    const excerpts = readFileSync(csv, 'utf8');
    expect(excerpts).toContain('[Officer 1] picked me up outside the gas station.');
    expect(excerpts).not.toMatch(/Marcus|Brennan|Harbor Light/);
    const report = join(dir, 'report.docx');
    expect((await qda('report', out(), '-o', report, '--group-by', 'Site')).code).toBe(0);
    const doc = contents(report);
    expect(doc).toContain('[Site A]');
    expect(doc).not.toMatch(/Marcus|Eastgate|Harbor Light/);
  }, 60_000);

  it('writes the mapping and the candidate list to their own files, never into the copy', () => {
    const mapping = readFileSync(join(dir, 'mapping.csv'), 'utf8');
    expect(mapping).toMatch(/^\uFEFFidentifier,pseudonym,category,forms,count\r\n/);
    expect(mapping).toContain('Marcus Bell,[Participant 1],participant');
    expect(contents(out())).not.toContain('deid.decisions');
    const report = JSON.parse(readFileSync(join(dir, 'candidates.json'), 'utf8'));
    const marcus = report.candidates.find((c: { identifier: string }) => c.identifier === 'Marcus Bell');
    expect(marcus).toMatchObject({ category: 'participant', applied: true, origins: expect.arrayContaining(['speaker']) });
    expect(marcus.hits[0].context).toMatch(/\[Marcus( Bell)?\]/);
  });
});

describe('qda deidentify with a names list', () => {
  it('applies only the listed names (and their grouped forms), with the list\'s pseudonyms', async () => {
    const names = join(dir, 'names.csv');
    writeFileSync(names, 'identifier,pseudonym,category\nMarcus Bell,[Client M],participant\nHarbor Light,[Program X],organisation\n');
    const copy = join(dir, 'listed.qdpx');
    const run = await qda('deidentify', input, '-o', copy, '--names', names);
    expect(run.code).toBe(0);
    const text = contents(copy);
    expect(text).toContain('[Client M]: Yeah');
    expect(text).toContain('Thanks for coming in today, [Client M].');
    expect(text).toContain('[Program X]');
    expect(text).not.toMatch(/\bMarcus\b|Harbor Light/);
    // Not listed: left as it was.
    expect(text).toContain('Dayton');
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  it('without --auto or a list writes the candidates but no copy', async () => {
    const copy = join(dir, 'nothing.qdpx');
    const run = await qda('deidentify', input, '-o', copy, '--report', join(dir, 'review.json'));
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/nothing to replace: review .*review\.json/);
    expect(existsSync(copy)).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'review.json'), 'utf8')).candidates.length).toBeGreaterThan(15);
  });
});

describe('qda deidentify on a project with no identifiers', () => {
  it('finds none in the synthetic demo (roles, site codes and programme words are not names) and --auto still writes the copy', async () => {
    const demo = join(dir, 'demo.qdpx');
    expect((await qda('demo', demo)).code).toBe(0);
    const copy = join(dir, 'demo-copy.qdpx');
    const run = await qda('deidentify', demo, '-o', copy, '--auto', '--report', join(dir, 'demo.json'));
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Found 0 identifiers in 8 sources/);
    expect(JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')).candidates).toEqual([]);
    expect((await readProjectFile(copy)).meta.name).toMatch(/\(de-identified\)$/);
  }, 30_000);
});

describe('qda deidentify refuses bad input, naming the file and the problem', () => {
  it.each([
    ['an unknown category', 'identifier,pseudonym,category\nMarcus,[P],wizard\n', /names\.csv line 2: unknown category "wizard"/],
    ['no identifier column', 'who,pseudonym\nMarcus,[P]\n', /names\.csv has no "identifier" column/],
    ['an empty file', '', /names\.csv: the file is empty/],
  ])('a names list with %s (exit 2, nothing written)', async (_what, csv, message) => {
    const names = join(dir, 'names.csv');
    writeFileSync(names, csv);
    const copy = join(dir, 'bad.qdpx');
    const run = await qda('deidentify', input, '-o', copy, '--names', names);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(existsSync(copy)).toBe(false);
  });

  it('a project that is not one (exit 2), a missing file, and usage mistakes (exit 1)', async () => {
    const junk = join(dir, 'junk.qdpx');
    writeFileSync(junk, 'not a zip');
    expect(await qda('deidentify', junk, '-o', join(dir, 'x.qdpx'), '--auto')).toMatchObject({ code: 2, err: expect.stringContaining('junk.qdpx') });
    expect(await qda('deidentify', join(dir, 'none.qdpx'), '-o', join(dir, 'x.qdpx'), '--auto')).toMatchObject({ code: 2, err: expect.stringMatching(/none\.qdpx: no such file/) });
    expect(await qda('deidentify', input, '-o', input, '--auto')).toMatchObject({ code: 1, err: expect.stringContaining('the original is never changed') });
    expect(await qda('deidentify', input, '--auto')).toMatchObject({ code: 1 });
    expect(await qda('deidentify', input, '-o', join(dir, 'x.qdpx'), '--mapping', join(dir, 'm.txt'))).toMatchObject({ code: 1, err: expect.stringContaining('.csv') });
    expect(readFileSync(input).equals(original)).toBe(true);
  });
});
