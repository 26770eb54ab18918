/** `qda query` and `qda matrix` on the demo project, run in-process as a user would call them. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { buildDemoProject } from '../../fixtures/demo';
import type { Excerpt } from '../../shared/analysis';
import { buildAnalysisIndex, codeAttributeMatrix, countByGroup, findCode, retrieveExcerpts } from '../../shared/analysis';

async function qda(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const project = buildDemoProject();
const index = buildAnalysisIndex(project);
let demo: string;
beforeAll(async () => {
  demo = join(mkdtempSync(join(tmpdir(), 'qda-analysis-')), 'demo.qdpx');
  expect((await qda('demo', demo)).code).toBe(0);
});

describe('qda query', () => {
  it('--json gives the same excerpts as the engine, filtered by --where', async () => {
    const { code, out } = await qda('query', demo, '--code', 'Waitlists', '--where', 'Participant type=Participant', '--json');
    expect(code).toBe(0);
    const got = JSON.parse(out) as Excerpt[];
    const want = retrieveExcerpts(index, {
      codeIds: [findCode(index, 'Waitlists')!.id],
      filter: { where: [{ attribute: 'Participant type', values: ['Participant'] }] },
    });
    expect(got.map((e) => [e.sourceName, e.text, e.speaker, e.attributes])).toEqual(want.map((e) => [e.sourceName, e.text, e.speaker, e.attributes]));
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((e) => e.attributes['Participant type'] === 'Participant')).toBe(true);
  });

  it('prints source, speaker, case, attributes and text for a theme', async () => {
    const { code, out } = await qda('query', demo, '--theme', 'services unavailable');
    expect(code).toBe(0);
    const theme = project.themes.find((t) => t.name === 'Services unavailable')!;
    const excerpts = retrieveExcerpts(index, { themeId: theme.id });
    for (const e of excerpts) {
      expect(out).toContain(e.sourceName);
      expect(out).toContain(`"${e.text.replace(/\s*\n+\s*/g, ' ')}"`);
    }
    expect(out).toContain('Site=');
    expect(out).toContain(`${excerpts.length} excerpts.`);
  });

  it('refuses unknown codes, themes and attributes with the names that exist (exit 1)', async () => {
    const noCode = await qda('query', demo, '--code', 'Nonexistent');
    expect(noCode.code).toBe(1);
    expect(noCode.err).toMatch(/no code named 'Nonexistent'.*Waitlists/);
    const noTheme = await qda('query', demo, '--theme', 'Nope');
    expect(noTheme.err).toMatch(/no theme named 'Nope'.*Staff workarounds/);
    const noAttr = await qda('query', demo, '--code', 'Waitlists', '--where', 'sight=A');
    expect(noAttr.code).toBe(1);
    expect(noAttr.err).toMatch(/no attribute named 'sight'.*Site/);
    expect((await qda('query', demo, '--code', 'Waitlists', '--where', 'nonsense')).code).toBe(1);
    expect((await qda('query', demo)).code).toBe(1);
  });

  it('names the file when it cannot be read (exit 2)', async () => {
    const missing = await qda('query', join(tmpdir(), 'no-such-project.qdpx'), '--code', 'Waitlists');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no-such-project.qdpx');
  });
});

describe('qda matrix', () => {
  it('--csv matches countByGroup for each unit', async () => {
    for (const unit of ['excerpts', 'sources', 'cases'] as const) {
      const { code, out } = await qda('matrix', demo, '--by', 'Participant type', '--unit', unit, '--csv');
      expect(code).toBe(0);
      const lines = out.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      const m = codeAttributeMatrix(index, { attribute: 'Participant type', unit });
      expect(lines[0]).toBe(`Codes by Participant type (${unit}),${m.columns.map((c) => c.label).join(',')},Total`);
      for (const [i, r] of m.rows.entries()) {
        const counts = countByGroup(index, { codeIds: [r.id], groupBy: 'Participant type', unit });
        expect(lines[i + 1]).toBe(`${r.label},${counts.groups.map((g) => counts.rows[0]!.byGroup[g]).join(',')},${counts.rows[0]!.total}`);
      }
    }
  });

  it('prints an aligned table, and co-occurrence and code x source variants', async () => {
    const table = await qda('matrix', demo, '--by', 'Site');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/Codes by Site \(excerpts\)\s+Site A\s+Site B\s+Total/);
    const co = await qda('matrix', demo, '--cooccurrence', 'turn', '--csv');
    expect(co.out).toContain('Code co-occurrence (same turn) (turns)');
    const bySource = await qda('matrix', demo, '--by', 'source');
    expect(bySource.out).toContain(project.sources[0]!.name);
  });

  it('refuses bad options', async () => {
    expect((await qda('matrix', demo)).code).toBe(1);
    expect((await qda('matrix', demo, '--by', 'Site', '--unit', 'words')).code).toBe(1);
    expect((await qda('matrix', demo, '--by', 'Site', '--cooccurrence', 'turn')).code).toBe(1);
    const bad = await qda('matrix', demo, '--by', 'Sight');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Participant type');
  });
});
