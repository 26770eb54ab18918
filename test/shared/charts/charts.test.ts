import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../fixtures/demo';
import {
  buildAnalysisIndex,
  codeAttributeMatrix,
  codingDensity,
  coOccurrenceMatrix,
  countByGroup,
  saturation,
  themeBoard,
} from '../../../shared/analysis';
import type { Chart } from '../../../shared/charts';
import {
  cooccurrenceHeatmap,
  cooccurrenceNetwork,
  densityChart,
  esc,
  frequencyChart,
  groupedBars,
  saturationChart,
  themeMap,
} from '../../../shared/charts';

const project = buildDemoProject();
const index = buildAnalysisIndex(project);
const theme = project.themes.find((t) => t.name === 'Services unavailable')!;
/** PNGs land here for a person to look at; the folder is git-ignored build output. */
const OUT = path.resolve(__dirname, '../../../node_modules/.cache/chart-png');

const { DOMParser } = new JSDOM('').window;

function parse(svg: string) {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror'), 'well-formed XML').toHaveLength(0);
  return doc;
}

function texts(doc: Document): string[] {
  return [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? '');
}

function checkChart(name: string, chart: Chart, mustShow: string[]) {
  const doc = parse(chart.svg);
  const root = doc.documentElement;
  expect(root.getAttribute('role')).toBe('img');
  const [titleId, descId] = root.getAttribute('aria-labelledby')!.split(' ');
  expect(doc.getElementById(titleId!)?.textContent).toBe(chart.title);
  expect(doc.getElementById(descId!)?.textContent?.length).toBeGreaterThan(10);
  expect(Number(root.getAttribute('width'))).toBeLessThanOrEqual(640);
  const shown = texts(doc).join('\n');
  for (const s of mustShow) expect(shown, `${name} shows '${s}'`).toContain(s);
  expect(chart.table.rows.length).toBeGreaterThan(0);
  for (const row of chart.table.rows) expect(row.length).toBe(chart.table.columns.length);
  const png = new Resvg(chart.svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' }, fitTo: { mode: 'zoom', value: 1.5 } }).render().asPng();
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, `${name}.png`), png);
  return doc;
}

describe('charts on the demo project', () => {
  it('frequency by group: grouped bars with labels, axis, legend and table', () => {
    const counts = countByGroup(index, { themeId: theme.id, groupBy: 'Participant type', unit: 'excerpts' });
    const chart = frequencyChart(counts, 'Services unavailable: excerpts by participant type');
    const doc = checkChart('frequency', chart, ['Waitlists', 'Partner', 'Participant', 'Number of excerpts']);
    expect(chart.table.rows).toEqual(counts.rows.map((r) => [r.codeName, ...counts.groups.map((g) => r.byGroup[g])]));
    // One bar per code and group.
    expect(doc.querySelectorAll('rect[fill="#4e79a7"]').length).toBeGreaterThanOrEqual(counts.rows.length);
  });

  it('co-occurrence heatmap', () => {
    const chart = cooccurrenceHeatmap(coOccurrenceMatrix(index, { scope: 'turn' }), { title: 'Codes in the same turn' });
    checkChart('heatmap', chart, ['0']);
    expect(chart.table.columns.length).toBe(chart.table.rows.length + 1);
  });

  it('co-occurrence network is deterministic', () => {
    const m = coOccurrenceMatrix(index, { scope: 'turn' });
    const a = cooccurrenceNetwork(m, { title: 'Code network' });
    const b = cooccurrenceNetwork(m, { title: 'Code network' });
    expect(a.svg).toBe(b.svg);
    const doc = checkChart('network', a, ['Circle size']);
    expect(doc.getElementsByTagName('circle').length).toBeGreaterThan(3);
    expect(doc.getElementsByTagName('line').length).toBe(a.table.rows.length);
  });

  it('theme map', () => {
    const chart = themeMap(themeBoard(index, { groupBy: 'Participant type' }));
    checkChart('theme-map', chart, ['Services unavailable', 'Staff workarounds', 'Continuum of care disrupted']);
  });

  it('coding density per source', () => {
    const chart = densityChart(codingDensity(index));
    checkChart('density', chart, ['Codings per 1,000 words', '% of text coded']);
    expect(chart.table.rows).toHaveLength(project.sources.length);
  });

  it('saturation curve by origin', () => {
    const chart = saturationChart(saturation(index));
    checkChart('saturation', chart, ['deductive', 'inductive', 'in-vivo', 'Transcripts, in order']);
    expect(chart.table.rows.at(-1)![chart.table.columns.length - 1]).toBe(saturation(index).at(-1)!.cumulativeTotal);
  });

  it('code x attribute matrix feeds the same bars', () => {
    const m = codeAttributeMatrix(index, { attribute: 'Site', unit: 'cases' });
    const chart = groupedBars({ title: 'Cases by site', unit: 'cases', categories: m.rows.map((r) => r.label), groups: m.columns.map((c) => c.label), values: m.cells });
    checkChart('cases-by-site', chart, ['Site A', 'Site B']);
  });
});

describe('chart text is escaped', () => {
  it('escapes markup in names, titles and groups, and drops characters XML forbids', () => {
    const evil = '<script>alert("x")</script> & \u0001';
    const chart = groupedBars({ title: `Title ${evil}`, unit: 'excerpts', categories: [evil, 'plain'], groups: ['a & b', "o'neil"], values: [[1, 2], [3, 0]] });
    const doc = parse(chart.svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(chart.svg).not.toContain('<script>');
    expect(doc.getElementsByTagName('title')[0]!.textContent).toBe('Title <script>alert("x")</script> & ');
    expect(texts(doc).join('|')).toContain('a & b');
    expect(esc('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });

  it('shortens long labels with an ellipsis and keeps the full text as a tooltip', () => {
    const long = 'A very long code name that goes on and on well past any reasonable label width';
    const chart = groupedBars({ title: 'T', unit: 'excerpts', categories: [long], groups: ['g'], values: [[2]] });
    const doc = parse(chart.svg);
    const shown = [...doc.getElementsByTagName('text')].find((t) => t.textContent?.startsWith('A very'))!;
    expect(shown.textContent).toContain('…');
    expect(shown.getElementsByTagName('title')[0]!.textContent).toBe(long);
  });

  it('copes with empty data', () => {
    const empty = themeMap({ groups: ['All'], groupSizes: {}, themes: [], unplacedCodes: [] });
    parse(empty.svg);
    expect(empty.svg).toContain('No themes yet.');
    parse(saturationChart([]).svg);
    parse(cooccurrenceHeatmap({ title: 'x', unit: 'turns', rows: [], columns: [], cells: [] }).svg);
    parse(cooccurrenceNetwork({ title: 'x', unit: 'turns', rows: [], columns: [], cells: [] }).svg);
  });
});
