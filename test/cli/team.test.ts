/**
 * The team commands end to end: two coders' .qdpx files made from the demo study (one
 * coder each, transcripts renamed, codebook edited) are merged, compared and checked
 * against counts taken straight from the demo.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** One coder's share of the demo: only their codings, and only them as coder. */
function coderProject(demo: Project, coderIndex: number): Project {
  const coder = demo.coders[coderIndex]!;
  return { ...demo, coders: [coder], codings: demo.codings.filter((c) => c.coderId === coder.id), memos: [] };
}

const demo = buildDemoProject();
const [alex, sam] = demo.coders;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'qda-team-'));
  await writeProjectFile(file('alex.qdpx'), coderProject(demo, 0));
  const samProject = coderProject(demo, 1);
  // Sam imported the same transcripts under other names and renamed one code.
  samProject.sources = samProject.sources.map((s, i) => ({ ...s, name: `sam-${i + 1}.docx` }));
  samProject.codes = samProject.codes.map((c, i) => (i === 1 ? { ...c, name: `${c.name} (Sam)` } : c));
  await writeProjectFile(file('sam.qdpx'), samProject);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('qda merge', () => {
  it('merges two coders into one project with every coding of both, attributed', async () => {
    const result = await qda('merge', file('alex.qdpx'), file('sam.qdpx'), '-o', file('team.qdpx'), '--report', file('merge.json'));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Everything was placed\./);
    expect(result.out).toMatch(/sam-1\.docx -> .* \(same text\)/);
    const team = await readProjectFile(file('team.qdpx'));
    expect(team.sources).toHaveLength(demo.sources.length);
    expect(team.codings).toHaveLength(demo.codings.length);
    expect(team.coders.map((c) => c.name).sort()).toEqual([alex!.name, sam!.name].sort());
    for (const coder of [alex!, sam!]) {
      const mergedCoder = team.coders.find((c) => c.name === coder.name)!;
      expect(team.codings.filter((c) => c.coderId === mergedCoder.id)).toHaveLength(demo.codings.filter((c) => c.coderId === coder.id).length);
    }
    const report = JSON.parse(readFileSync(file('merge.json'), 'utf8'));
    expect(report.notPlaced).toEqual([]);
    expect(report.codebook.counts.renamed).toBe(1);
  });

  it('agreement on the merged project equals agreement on the demo itself', async () => {
    const demoFile = file('demo.qdpx');
    await writeProjectFile(demoFile, demo);
    const direct = JSON.parse((await qda('agreement', demoFile, '--json')).out);
    const merged = JSON.parse((await qda('agreement', file('team.qdpx'), '--json', '--coders', `${alex!.name},${sam!.name}`)).out);
    expect(merged.overall.pooled).toEqual(direct.overall.pooled);
    expect(merged.rows.length).toBe(direct.rows.length);
  });

  it('merges three projects in turn, and agreement then compares every pair', async () => {
    const jordan = coderProject(demo, 1);
    jordan.coders = [{ ...sam!, id: '0f0e0d0c-0b0a-4909-8807-060504030201', name: 'Jordan Lee' }];
    jordan.codings = jordan.codings.map((c) => ({ ...c, coderId: jordan.coders[0]!.id }));
    await writeProjectFile(file('jordan.qdpx'), jordan);
    const result = await qda('merge', file('alex.qdpx'), file('sam.qdpx'), file('jordan.qdpx'), '-o', file('team3.qdpx'));
    expect(result.code).toBe(0);
    const team = await readProjectFile(file('team3.qdpx'));
    expect(team.codings).toHaveLength(demo.codings.length + jordan.codings.length);
    const pairs = JSON.parse((await qda('agreement', file('team3.qdpx'), '--json')).out) as { coders: { name: string }[]; overall: { pooled: { kappa: number; aOnly: number; bOnly: number } } }[];
    expect(pairs.map((p) => p.coders.map((c) => c.name).join(' vs '))).toEqual([`${alex!.name} vs ${sam!.name}`, `${alex!.name} vs Jordan Lee`, `${sam!.name} vs Jordan Lee`]);
    // Jordan carries Sam's coding: the two agree perfectly.
    expect(pairs[2]!.overall.pooled).toMatchObject({ kappa: 1, aOnly: 0, bOnly: 0 });
    expect(pairs[1]!.overall.pooled).toEqual(pairs[0]!.overall.pooled);
  });

  it('refuses a missing input without writing anything', async () => {
    const result = await qda('merge', file('alex.qdpx'), file('nobody.qdpx'), '-o', file('never.qdpx'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/nobody\.qdpx: no such file/);
    expect(() => readFileSync(file('never.qdpx'))).toThrow();
  });

  it('asks for an output file', async () => {
    expect((await qda('merge', file('alex.qdpx'), file('sam.qdpx'))).code).toBe(1);
  });
});

describe('qda agreement', () => {
  it('reports character agreement per code with its counts, and the coded-only switch changes "neither"', async () => {
    const demoFile = file('demo.qdpx');
    await writeProjectFile(demoFile, demo);
    const all = JSON.parse((await qda('agreement', demoFile, '--json')).out);
    const coded = JSON.parse((await qda('agreement', demoFile, '--json', '--coded-only')).out);
    expect(coded.overall.pooled.both).toBe(all.overall.pooled.both);
    expect(coded.overall.pooled.neither).toBeLessThan(all.overall.pooled.neither);
    const text = (await qda('agreement', demoFile)).out;
    expect(text).toMatch(/In words: Two coders \(Alex Rivera and Sam Chen\) coded the same 8 sources independently\./);
    expect(text).toMatch(/Per code/);
    const csv = (await qda('agreement', demoFile, '--csv')).out.split('\r\n');
    expect(csv[0]).toBe('Alex Rivera vs Sam Chen');
    expect(csv[1]).toMatch(/^code,kappa \(pooled\),percent agreement,both,A only,B only,neither/);
    expect(csv.at(-2)).toMatch(new RegExp(`^\\(overall\\),[^,]+,[^,]+,${all.overall.pooled.both},${all.overall.pooled.aOnly},${all.overall.pooled.bOnly},${all.overall.pooled.neither},`));
    expect(text).toMatch(/Overall \(pooled; mean of codes\)/);
  });

  it('rejects an unknown unit, a bad overlap and an unknown coder', async () => {
    const demoFile = file('demo.qdpx');
    expect((await qda('agreement', demoFile, '--unit', 'word')).code).toBe(1);
    expect((await qda('agreement', demoFile, '--unit', 'segment', '--overlap', '0')).code).toBe(1);
    const nobody = await qda('agreement', demoFile, '--coders', 'Alex Rivera,Nobody');
    expect(nobody.code).toBe(2);
    expect(nobody.err).toMatch(/no coder 'Nobody'/);
  });
});

describe('qda alpha and qda kappa', () => {
  it('computes alpha from a matrix CSV with coder names and blanks', async () => {
    writeFileSync(file('m.csv'), 'A,,,,,,3,4,1,2,1,1,3,3,,3\nB,1,,2,1,3,3,4,3,,,,,,,\nC,,,2,1,3,4,4,,2,1,1,3,3,,4\n');
    const nominal = JSON.parse((await qda('alpha', file('m.csv'), '--json')).out);
    expect(nominal.alpha).toBeCloseTo(0.691358, 6);
    expect(nominal.coders).toEqual(['A', 'B', 'C']);
    const interval = await qda('alpha', file('m.csv'), '--level', 'interval');
    expect(interval.out).toMatch(/Krippendorff's alpha \(interval\): 0\.811/);
    expect(interval.out).toMatch(/pairable units 12/);
  });

  it('skips a first row of unit names', async () => {
    writeFileSync(file('h.csv'), ',u1,u2,u3,u4\nAna,1,2,3,3\nBen,1,2,3,4\n');
    const result = JSON.parse((await qda('alpha', file('h.csv'), '--json')).out);
    expect(result.coders).toEqual(['Ana', 'Ben']);
    expect(result.counts).toMatchObject({ coders: 2, units: 4, pairableValues: 8 });
  });

  it('skips a header row that names the coder column, or whose unit ids never occur as values (nominal too)', async () => {
    writeFileSync(file('named.csv'), 'coder,u1,u2,u3,u4\nAnn,1,2,2,1\nBen,1,2,1,1\n');
    const named = JSON.parse((await qda('alpha', file('named.csv'), '--json')).out);
    expect(named.coders).toEqual(['Ann', 'Ben']);
    expect(named.counts).toMatchObject({ coders: 2, units: 4, values: [1, 2] });
    expect(named.alpha).toBeCloseTo(0.533333, 6);
    writeFileSync(file('ids.csv'), 'x,q1,q2,q3\nAnn,yes,no,no\nBen,yes,no,yes\n');
    expect(JSON.parse((await qda('alpha', file('ids.csv'), '--json')).out).coders).toEqual(['Ann', 'Ben']);
  });

  it('at the metric levels, takes an all-text first row as unit names but reports a stray word', async () => {
    writeFileSync(file('u.csv'), 'u1,u2,u3\n1,2,3\n1,2,4\n');
    expect(JSON.parse((await qda('alpha', file('u.csv'), '--level', 'interval', '--json')).out).counts.units).toBe(3);
    writeFileSync(file('s.csv'), '1,oops,3\n1,2,3\n1,2,4\n');
    const stray = await qda('alpha', file('s.csv'), '--level', 'interval');
    expect(stray.code).toBe(2);
    expect(stray.err).toMatch(/row 1, unit 2: 'oops' is not a number/);
  });

  it('refuses text at the interval level, naming the cell', async () => {
    writeFileSync(file('t.csv'), '1,2,x\n1,2,3\n');
    const result = await qda('alpha', file('t.csv'), '--level', 'interval');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/t\.csv, row 1, unit 3: 'x' is not a number/);
  });

  it('computes kappa from label pairs with a header', async () => {
    const rows = ['reader1,reader2', ...Array(20).fill('Yes,Yes'), ...Array(5).fill('Yes,No'), ...Array(10).fill('No,Yes'), ...Array(15).fill('No,No')];
    writeFileSync(file('k.csv'), `${rows.join('\n')}\n`);
    const json = JSON.parse((await qda('kappa', file('k.csv'), '--json')).out);
    expect(json).toMatchObject({ coders: ['reader1', 'reader2'], n: 50, percentAgreement: 0.7, expectedAgreement: 0.5 });
    expect(json.kappa).toBeCloseTo(0.4, 12);
    expect((await qda('kappa', file('k.csv'))).out).toMatch(/Cohen's kappa: 0\.400/);
  });

  it('refuses a pairs file with a third column rather than ignore it', async () => {
    writeFileSync(file('k3.csv'), 'a,b,c\nx,y,z\nx,x,x\n');
    const result = await qda('kappa', file('k3.csv'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/k3\.csv, row 1: expected two columns .* found 3/);
  });

  it('names a non-UTF-8 file', async () => {
    writeFileSync(file('latin1.csv'), Buffer.from([0x61, 0x2c, 0xe9, 0x0a]));
    const result = await qda('kappa', file('latin1.csv'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/latin1\.csv is not UTF-8/);
  });
});

describe('qda codebook merge', () => {
  it('merges a project codebook with a CSV codebook, listing conflicts and likely matches', async () => {
    const first = demo.codes.find((c) => c.parentId !== null && c.codable)!;
    const parent = demo.codes.find((c) => c.id === first.parentId)!;
    writeFileSync(
      file('ben.csv'),
      [
        'name,parent,definition,inclusion,exclusion,example',
        `${parent.name},,,,,`,
        `${first.name},${parent.name},A different definition.,,,`,
        `Transportation barrier,${parent.name},Getting there is hard.,,,`,
      ].join('\n'),
    );
    const result = await qda('codebook', 'merge', file('alex.qdpx'), file('ben.csv'), '-o', file('merged.qdc'), '--report', file('codebook.json'));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`\\[conflicting\\] ${parent.name} > ${first.name} from ben\\.csv`));
    const { codes } = readQdc(readFileSync(file('merged.qdc')), 'merged.qdc');
    expect(codes).toHaveLength(demo.codes.length + 1);
    // Conflicts keep the first codebook's text.
    expect(codes.find((c) => c.name === first.name)!.definition).toBe(first.definition);
    const report = JSON.parse(readFileSync(file('codebook.json'), 'utf8'));
    expect(report.mapping).toHaveLength(2);
    expect(Object.keys(report.mapping[1].codes)).toHaveLength(3);
  });

  it('refuses an unknown action and a codebook of an unknown kind', async () => {
    expect((await qda('codebook', 'split', 'a.qdc')).code).toBe(1);
    writeFileSync(file('x.txt'), 'hello');
    const result = await qda('codebook', 'merge', file('x.txt'), file('ben.csv'), '-o', file('m2.qdc'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/x\.txt: a codebook must be a \.qdc, \.qdpx or \.csv file/);
  });
});
