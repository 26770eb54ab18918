/**
 * The report's charts are set in the document's font, and resvg (which draws them to PNG)
 * reads the whole font list: before, a quoted name after the first was ignored and the
 * charts came out in a serif face wherever Segoe UI and Arial were missing.
 */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../fixtures/demo';
import { buildAnalysisIndex, countByGroup } from '../../../shared/analysis';
import { FONT_FAMILY } from '../../../shared/charts';
import { themeChart } from '../../../shared/report/chart';
import { DOCUMENT_FONT_STACK } from '../../../shared/report/docx-blocks';
import { buildThemeReport } from '../../../shared/report';
import { rasterize } from '../../../cli/rasterize';
import { docxPart } from './docx-read';

/** How wide resvg draws a sample line in the given font-family list (system fonts, as the CLI renders). */
function drawnWidth(fontFamily: string): number {
  const escaped = fontFamily.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40" font-family="${escaped}"><text x="0" y="30" font-size="20">Waitlists and housing shortage</text></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' } }).getBBox()!.width;
}

describe('report chart font', () => {
  it('is the font of the document text', async () => {
    const styles = docxPart(
      await buildThemeReport(buildDemoProject(), { includeCharts: false, includeCodebook: false, quotesPerTheme: 0 }, { rasterize }),
      'word/styles.xml',
    );
    const bodyFont = /<w:docDefaults>.*?<w:rFonts w:ascii="([^"]+)"/s.exec(styles)?.[1];
    expect(bodyFont).toBe('Arial');
    const project = buildDemoProject();
    const index = buildAnalysisIndex(project);
    const theme = project.themes[0]!;
    const groupBy = project.attributes[0]!;
    const chart = themeChart(theme.name, countByGroup(index, { themeId: theme.id, groupBy: groupBy.id, unit: 'cases' }), groupBy);
    const family = /<svg [^>]*font-family="([^"]+)"/.exec(chart.svg)![1]!;
    expect(family).toBe(DOCUMENT_FONT_STACK);
    expect(family.split(',')[0]).toBe(bodyFont);
  });

  it.each([
    ['the report charts', DOCUMENT_FONT_STACK],
    ['the app charts', FONT_FAMILY],
  ])('%s are drawn in the first family of their list that this machine has', (_, stack) => {
    const fallback = drawnWidth('No Such Font Family');
    const families = stack.split(',').map((f) => f.trim().replace(/^'|'$/g, ''));
    const installed = families.find((f) => f !== 'sans-serif' && drawnWidth(f) !== fallback);
    expect(installed, `none of ${stack} is installed (install fonts-dejavu-core)`).toBeDefined();
    expect(drawnWidth(stack)).toBe(drawnWidth(installed!));
  });
});
