/**
 * No table header in the Word report breaks inside a word, measured in the wider of the faces
 * that print in place of Arial (DejaVu Sans, LibreOffice's choice on a Linux machine without
 * Arial or Liberation Sans). Widths come from the font file itself, not from the report's estimates.
 */
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../../cli/rasterize';
import { buildDemoProject } from '../../../fixtures/demo';
import type { Project } from '../../../shared/model';
import { applyChanges, seededGuids } from '../../../shared/model';
import { createAttribute, setCaseValue } from '../../../shared/ops';
import { buildThemeReport } from '../../../shared/report';
import { docxPart } from './docx-read';
import { DEJAVU_SANS_BOLD, readFontMetrics } from './font-metrics';

/** Cell margins of Table Grid: 108 DXA a side. */
const CELL_MARGINS = 2 * 108;
/** Headers are 8 pt bold; a point is 20 DXA. */
const HEADER_DXA_PER_EM = 8 * 20;

const bold = readFontMetrics(DEJAVU_SANS_BOLD);
const deps = { rasterize, now: () => new Date('2026-03-04T12:00:00Z') };

interface HeaderCell {
  words: string[];
  width: number;
}

/** Each table's header cells: their words and their column's width. */
function headerCells(xml: string): HeaderCell[][] {
  return [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map(([, body]) => {
    const widths = [.../<w:tblGrid>(.*?)<\/w:tblGrid>/s.exec(body!)![1]!.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const firstRow = /<w:tr>(.*?)<\/w:tr>/s.exec(body!)![1]!;
    return [...firstRow.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map(([, tc], i) => ({
      width: widths[i]!,
      words: [...tc!.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((t) => (t[0] === '<w:br/>' ? ' ' : t[1]!))
        .join('')
        .split(/\s+/)
        .filter(Boolean),
    }));
  });
}

function wordsThatBreak(project: Project, xml: string): string[] {
  const broken: string[] = [];
  for (const cells of headerCells(xml))
    for (const { words, width } of cells)
      for (const word of words) {
        const needed = Math.ceil((bold.em(word) / 1000) * HEADER_DXA_PER_EM);
        if (needed > width - CELL_MARGINS) broken.push(`'${word}' needs ${needed} DXA in a column of ${width - CELL_MARGINS} (${project.meta.name})`);
      }
  return broken;
}

async function reportXml(project: Project, groupBy: string | null): Promise<string> {
  const bytes = await buildThemeReport(project, { groupBy, includeCharts: false, includeCodebook: false, quotesPerTheme: 0 }, deps);
  return docxPart(bytes, 'word/document.xml');
}

describe('Word report table headers', () => {
  it('reads the font file the way LibreOffice lays it out', () => {
    // "Excerpts" in DejaVu Sans Bold: E 683 + x 645 + c 593 + e 678 + r 493 + p 716 + t 478 + s 595.
    expect(Math.round(bold.em('Excerpts'))).toBe(4881);
  });

  it('never break inside a word, without groups and grouped by every attribute of the demo', async () => {
    const project = buildDemoProject();
    const broken: string[] = [];
    for (const groupBy of [null, ...project.attributes.map((a) => a.name)]) {
      const xml = await reportXml(project, groupBy);
      expect(headerCells(xml).length).toBeGreaterThan(0);
      broken.push(...wordsThatBreak(project, xml));
    }
    expect(broken).toEqual([]);
  });

  it('never break inside a word when many long group names spread over several tables', async () => {
    let project = buildDemoProject();
    const ctx = { newId: seededGuids(33), now: () => '2026-11-27T10:00:00Z', coderId: project.coders[0]!.id };
    const attribute = createAttribute(project, ctx, { name: 'Pseudonym' });
    project = applyChanges(project, attribute);
    for (const [i, c] of project.cases.entries())
      project = applyChanges(project, setCaseValue(project, ctx, c.id, attribute.id, `Participantnumber ${i + 1}`));
    expect(wordsThatBreak(project, await reportXml(project, 'Pseudonym'))).toEqual([]);
  });
});
