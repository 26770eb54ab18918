/**
 * The codes table with many groups (QA F33): no column narrower than its longest word, so
 * headers and "1 (100%)" never break mid-word; groups that do not fit move to tables of their own.
 */
import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../fixtures/demo';
import { rasterize } from '../../../cli/rasterize';
import { buildAnalysisIndex, countByGroup } from '../../../shared/analysis';
import type { Project } from '../../../shared/model';
import { applyChanges, seededGuids } from '../../../shared/model';
import { createAttribute, setCaseValue } from '../../../shared/ops';
import { buildThemeReport } from '../../../shared/report';
import { lineWidthDxa } from '../../../shared/report/text-width';
import { docxPart, paragraphsInStyle } from './docx-read';

const TEXT_WIDTH = 12240 - 2 * 1440;
const CELL_MARGINS = 2 * 108;

interface ReadTable {
  widths: number[];
  /** Rows of cells, each cell its lines; the first row is the header. */
  rows: string[][][];
}

function tables(xml: string): ReadTable[] {
  return [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map(([, body]) => ({
    widths: [.../<w:tblGrid>(.*?)<\/w:tblGrid>/s.exec(body!)![1]!.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1])),
    rows: [...body!.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map(([, tr]) =>
      [...tr!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map(([, tc]) =>
        [...tc!.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
          .map((t) => (t[0] === '<w:br/>' ? '\n' : t[1]!))
          .join('')
          .split('\n'),
      ),
    ),
  }));
}

/** Every table fits the page; no word is wider than its column, nor any line of a number cell. */
function expectNothingBreaks(read: ReadTable[]): void {
  for (const t of read) {
    expect(t.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
    for (const [r, row] of t.rows.entries()) {
      for (const [c, lines] of row.entries()) {
        const room = t.widths[c]! - CELL_MARGINS;
        const isHeader = r === 0;
        const numeric = c > 0 && t.rows[0]![c]!.join(' ') !== 'Definition';
        const pieces = isHeader || !numeric ? lines.flatMap((l) => l.split(' ')) : lines;
        for (const piece of pieces)
          expect(lineWidthDxa(piece, isHeader), `'${piece}' in a column of ${t.widths[c]}`).toBeLessThanOrEqual(room);
      }
    }
  }
}

const deps = { rasterize, now: () => new Date('2026-03-04T12:00:00Z') };
const only = { themeIds: ['Services unavailable'], includeCharts: false, includeCodebook: false, quotesPerTheme: 0 };

async function reportXml(project: Project, groupBy: string): Promise<string> {
  return docxPart(await buildThemeReport(project, { ...only, groupBy }, deps), 'word/document.xml');
}

describe('codes table with many groups (QA F33)', () => {
  it('estimates text widths as the wider of Arial and DejaVu Sans, which prints in its place on Linux', () => {
    // "(100%)" in 9 pt DejaVu Sans: ( 390 + 1 636 + 0 636 + 0 636 + % 950 + ) 390 = 3.638 em of 180 DXA
    // (Arial's 3.223 em is narrower).
    expect(lineWidthDxa('(100%)')).toBe(Math.ceil(3.638 * 180));
    // "Sources" in 8 pt bold: Arial 3.946 em, DejaVu Sans 4.478 em.
    expect(lineWidthDxa('Sources', true)).toBe(Math.ceil(4.478 * 160));
  });

  it('puts 8 groups in a table of their own, every header word and "n (p%)" whole', async () => {
    const project = buildDemoProject();
    const xml = await reportXml(project, 'Months in program');
    const read = tables(xml);
    expect(read).toHaveLength(2);
    expect(read[0]!.rows[0]!.map((c) => c.join(' '))).toEqual(['Code', 'Definition', 'Excerpts', 'Sources', 'Cases']);
    expectNothingBreaks(read);

    const index = buildAnalysisIndex(project);
    const theme = project.themes.find((t) => t.name === 'Services unavailable')!;
    const cases = countByGroup(index, { themeId: theme.id, groupBy: 'Months in program', unit: 'cases' });
    const groups = cases.groups.filter((g) => cases.groupSizes[g]!.cases > 0);
    expect(groups).toHaveLength(8);
    const [header, ...rows] = read[1]!.rows;
    expect(header!.map((c) => c.join(' '))).toEqual([
      'Code',
      ...groups.map((g) => `${g} (n=${cases.groupSizes[g]!.cases})`),
    ]);
    for (const [i, row] of cases.rows.entries()) {
      const cells = rows[i]!.slice(1).map((c) => c.join(' '));
      expect(cells).toEqual(
        groups.map((g) => {
          const n = row.byGroup[g] ?? 0;
          return `${n} (${Math.round((100 * n) / cases.groupSizes[g]!.cases)}%)`;
        }),
      );
    }
    expect(paragraphsInStyle(xml, 'Caption')).toEqual([
      'Table 1. Codes of the theme \u201cServices unavailable\u201d',
      'Table 2. Codes of the theme \u201cServices unavailable\u201d, cases by Months in program',
    ]);
  });

  it('spreads groups with wide labels over tables of about equal width', async () => {
    let project = buildDemoProject();
    const ctx = { newId: seededGuids(33), now: () => '2026-11-27T10:00:00Z', coderId: project.coders[0]!.id };
    const attribute = createAttribute(project, ctx, { name: 'Pseudonym' });
    project = applyChanges(project, attribute);
    for (const [i, c] of project.cases.entries())
      project = applyChanges(project, setCaseValue(project, ctx, c.id, attribute.id, `Participant number ${i + 1}`));
    const xml = await reportXml(project, 'Pseudonym');
    const read = tables(xml);
    expectNothingBreaks(read);
    const groupTables = read.slice(1);
    expect(groupTables.length).toBeGreaterThan(1);
    const counts = groupTables.map((t) => t.widths.length - 1);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const headers = groupTables.flatMap((t) => t.rows[0]!.slice(1).map((c) => c[0]));
    expect(headers.sort()).toEqual(project.cases.map((_, i) => `Participant number ${i + 1}`).sort());
    expect(paragraphsInStyle(xml, 'Caption').slice(1)).toEqual(
      groupTables.map(
        (_, k) =>
          `Table ${k + 2}. Codes of the theme \u201cServices unavailable\u201d, cases by Pseudonym (part ${k + 1} of ${groupTables.length})`,
      ),
    );
  });
});
