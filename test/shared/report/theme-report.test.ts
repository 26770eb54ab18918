import { describe, expect, it } from 'vitest';
import { buildAnalysisIndex, countByGroup } from '../../../shared/analysis';
import { applyChanges, emptyProject, seededGuids, sourceAttributes } from '../../../shared/model';
import * as ops from '../../../shared/ops';
import type { Project } from '../../../shared/model';
import {
  buildThemeReport,
  ReportError,
  saveReportOptions,
  savedReportOptions,
  reportOptions,
} from '../../../shared/report';
import type { ReportProgress } from '../../../shared/report';
import { rasterize } from '../../../cli/rasterize';
import { composeTranscript } from '../../../shared/text/compose';
import { buildStudy } from './fixture';
import { docxDom, docxFiles, docxPart, paragraphsInStyle } from './docx-read';

const deps = { rasterize, now: () => new Date('2026-03-04T12:00:00Z') };

function textOf(project: Project, codingId: string): string {
  const coding = project.codings.find((c) => c.id === codingId)!;
  return project.sources.find((s) => s.id === coding.sourceId)!.text.slice(coding.start, coding.end);
}

/** The ellipses a quote cut mid-sentence gets are outside the coded words. */
function withoutEllipses(quote: string): string {
  return quote.replace(/^\u2026/, '').replace(/\u2026$/, '');
}

describe('buildThemeReport', () => {
  it('writes a chapter per theme whose codes table shows the query engine counts', async () => {
    const { project, ids } = buildStudy();
    const bytes = await buildThemeReport(project, { groupBy: 'group' }, deps);
    const dom = await docxDom(bytes);
    const h1 = [...dom.querySelectorAll('h1')].map((h) => h.textContent);
    expect(h1).toEqual(['Methods', 'Services unavailable', 'Staff workarounds', 'Appendix: Codebook']);

    const index = buildAnalysisIndex(project);
    const tables = [...dom.querySelectorAll('table')];
    expect(tables).toHaveLength(2);
    for (const [t, themeId] of [ids.themeGaps!, ids.themeWork!].entries()) {
      const count = (unit: 'excerpts' | 'sources' | 'cases') =>
        countByGroup(index, { themeId, groupBy: 'group', unit });
      const [excerpts, sources, cases] = [count('excerpts'), count('sources'), count('cases')];
      const rows = [...tables[t]!.querySelectorAll('tr')].map((tr) =>
        [...tr.querySelectorAll('th,td')].map((c) => c.textContent!.trim()),
      );
      expect(rows[0]).toEqual([
        'Code',
        'Definition',
        'Excerpts',
        'Sources',
        'Cases',
        'Partner(n=3)',
        'Participant(n=2)',
      ]);
      for (const [i, row] of excerpts.rows.entries()) {
        const cells = rows[i + 1]!;
        expect(cells[0]!.endsWith(row.codeName)).toBe(true);
        expect(cells.slice(2, 5).map(Number)).toEqual([row.total, sources.rows[i]!.total, cases.rows[i]!.total]);
        const partner = cases.rows[i]!.byGroup.partner!;
        const participant = cases.rows[i]!.byGroup.participant!;
        expect(cells[5]).toBe(`${partner} (${Math.round((100 * partner) / 3)}%)`);
        expect(cells[6]).toBe(`${participant} (${Math.round((100 * participant) / 2)}%)`);
      }
    }
    // The gaps theme has two codes, so a total row follows them with distinct counts, not sums.
    const gapsRows = [...tables[0]!.querySelectorAll('tr')];
    expect(gapsRows).toHaveLength(4);
    expect(gapsRows[3]!.textContent).toContain('Theme (any of its codes)');
  });

  it("quotes each coding's exact text with an attribution from its case, and never the file name", async () => {
    const { project } = buildStudy();
    const bytes = await buildThemeReport(project, { groupBy: 'group', quotesPerTheme: 3 }, deps);
    const xml = docxPart(bytes, 'word/document.xml');
    const quotes = paragraphsInStyle(xml, 'Quote').map(withoutEllipses);
    const attributions = paragraphsInStyle(xml, 'Attribution');
    expect(quotes).toHaveLength(6);
    expect(attributions).toHaveLength(6);
    for (const [i, quote] of quotes.entries()) {
      const coding = project.codings.find((c) => textOf(project, c.id) === quote);
      expect(coding, `quote "${quote}" is a coding's text`).toBeDefined();
      const source = project.sources.find((s) => s.id === coding!.sourceId)!;
      const attrs = sourceAttributes(project, source);
      const role = attrs.role![0]!.toUpperCase() + attrs.role!.slice(1);
      expect(attributions[i]).toBe(`\u2014 ${role}, ${attrs.site}`);
    }
    expect(xml).not.toContain('Jane_Doe');
    // Three quotes out of three groups x sites: partners and participants both speak in each chapter.
    const groupsQuoted = attributions.slice(0, 3).map((a) => (a.includes('Participant') ? 'participant' : 'partner'));
    expect(new Set(groupsQuoted)).toEqual(new Set(['partner', 'participant']));
  });

  it('uses the marked exemplars instead of a spread when the team chose some', async () => {
    const { project, ids } = buildStudy({ exemplar: true });
    const bytes = await buildThemeReport(project, { groupBy: 'group', themeIds: [ids.themeGaps!] }, deps);
    const quotes = paragraphsInStyle(docxPart(bytes, 'word/document.xml'), 'Quote').map(withoutEllipses);
    expect(quotes).toEqual([textOf(project, ids.exemplarCoding!)]);
  });

  it('marks a quote cut mid-sentence with ellipses outside the coded words', async () => {
    const { project: base, ids } = buildStudy();
    const source = base.sources.find((s) => s.id === ids.source_c1)!;
    const start = source.text.indexOf('keep bus passes');
    const end = start + 'keep bus passes in my drawer'.length;
    const ctx = { newId: seededGuids(7), now: () => '2026-01-02T00:00:00Z', coderId: ids.coderA! };
    const coded = ops.applyCode(base, ctx, {
      sourceId: source.id,
      codeId: ids.workarounds!,
      start,
      end,
      coderId: ids.coderA,
    });
    let project = applyChanges(base, coded);
    project = applyChanges(project, ops.setExemplar(project, ctx, coded.id, true));
    const bytes = await buildThemeReport(project, { themeIds: [ids.themeWork!] }, deps);
    expect(paragraphsInStyle(docxPart(bytes, 'word/document.xml'), 'Quote')).toEqual([
      '\u2026keep bus passes in my drawer\u2026',
    ]);
  });

  it('shows source names only when asked to', async () => {
    const { project } = buildStudy();
    const bytes = await buildThemeReport(
      project,
      { attributionTemplate: '{role} ({source})', showSourceNames: true },
      deps,
    );
    const attributions = paragraphsInStyle(docxPart(bytes, 'word/document.xml'), 'Attribution');
    expect(attributions.every((a) => /^\u2014 .+ \(Jane_Doe_\w+_2024-03-01\.docx\)$/.test(a))).toBe(true);
  });

  it('embeds each chart as a PNG drawn at twice its printed size, and none without charts', async () => {
    const { project } = buildStudy();
    const withCharts = await buildThemeReport(project, { groupBy: 'group' }, deps);
    const media = docxFiles(withCharts).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    const xml = docxPart(withCharts, 'word/document.xml');
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => Number(m[1]) / 9525);
    for (const [i, name] of media.entries()) {
      const png = await import('fflate').then((f) => f.unzipSync(withCharts)[name]!);
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
      expect(width).toBe(Math.round(extents[i]!) * 2);
    }
    const without = await buildThemeReport(project, { groupBy: 'group', includeCharts: false }, deps);
    expect(docxFiles(without).filter((f) => f.startsWith('word/media/'))).toHaveLength(0);
  });

  it("uses Word's built-in styles, a table of contents Word refreshes, and tables that fit the page", async () => {
    const { project } = buildStudy();
    const bytes = await buildThemeReport(project, { groupBy: 'group' }, deps);
    const styles = docxPart(bytes, 'word/styles.xml');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Quote', 'Caption', 'TableGrid', 'TOCHeading'])
      expect(styles).toContain(`w:styleId="${id}"`);
    const xml = docxPart(bytes, 'word/document.xml');
    expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC /);
    expect(docxPart(bytes, 'word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
    for (const grid of xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/gs)) {
      const total = [...grid[1]!.matchAll(/w:w="(\d+)"/g)].reduce((s, m) => s + Number(m[1]), 0);
      expect(total).toBeLessThanOrEqual(12240 - 2 * 1440);
    }
    expect(xml).toContain('<w:tblStyle w:val="TableGrid"/>');
    expect(paragraphsInStyle(xml, 'Caption')).toEqual([
      'Table 1. Codes of the theme \u201cServices unavailable\u201d, cases by group',
      expect.stringMatching(/^Figure 1\. /),
      'Table 2. Codes of the theme \u201cStaff workarounds\u201d, cases by group',
      expect.stringMatching(/^Figure 2\. /),
    ]);
  });

  it('moves definitions below the table when many groups leave no room for them', async () => {
    const { project } = buildStudy();
    const bytes = await buildThemeReport(project, { groupBy: 'role', themeIds: ['Services unavailable'] }, deps);
    const dom = await docxDom(bytes);
    const header = [...dom.querySelectorAll('table th')].map((th) => th.textContent);
    expect(header).toEqual([
      'Code',
      'Excerpts',
      'Sources',
      'Cases',
      'Case manager(n=2)',
      'Participant(n=2)',
      'Police officer(n=1)',
    ]);
    expect(dom.body.textContent).toContain(
      'Services / Services unavailable: A needed service does not exist or has no capacity.',
    );
    const grid = /<w:tblGrid>(.*?)<\/w:tblGrid>/s.exec(docxPart(bytes, 'word/document.xml'))![1]!;
    expect([...grid.matchAll(/w:w="(\d+)"/g)].reduce((sum, m) => sum + Number(m[1]), 0)).toBeLessThanOrEqual(9360);
  });

  it('fills the contents with the chapters and their pages, so viewers that never update fields show them', async () => {
    const { project } = buildStudy();
    const xml = docxPart(await buildThemeReport(project, { groupBy: 'group' }, deps), 'word/document.xml');
    const entries = paragraphsInStyle(xml, 'TOC1').map((e) => /^(.*?)(\d+)$/.exec(e)!);
    expect(entries.map((m) => m[1])).toEqual([
      'Methods',
      'Services unavailable',
      'Staff workarounds',
      'Appendix: Codebook',
    ]);
    const pages = entries.map((m) => Number(m[2]));
    // The title page is page 1 and every chapter starts a new page.
    expect(pages[0]).toBe(2);
    for (let i = 1; i < pages.length; i++) expect(pages[i]!).toBeGreaterThan(pages[i - 1]!);
  });

  it('opens with a title page and a methods paragraph written from the project', async () => {
    const { project } = buildStudy();
    const dom = await docxDom(await buildThemeReport(project, { groupBy: 'group' }, deps));
    const text = dom.body.textContent!;
    expect(text).toContain('LEAD evaluation');
    expect(text).toContain('Ana Coder and Ben Coder');
    expect(text).toContain('March 4, 2026');
    expect(text).toContain('5 sources from 5 cases (Partner, n=3; Participant, n=2)');
    expect(text).toContain(
      'a codebook of 3 codes in 1 category (1 deductive, 1 inductive and 1 in vivo by origin), giving 10 coded excerpts',
    );
    expect(text).toContain('Partners and participants both describe gaps.');
    expect([...dom.querySelectorAll('h2')].map((h) => h.textContent)).toContain('Memo: Gaps memo');
  });

  it('lists no group of n=0 and says how many sources have no case, so the figures add up (QA F15)', async () => {
    const { project: base } = buildStudy();
    const newId = seededGuids(99);
    const ctx = { newId, now: () => '2026-03-04T12:00:00Z', coderId: base.coders[0]!.id };
    let project = base;
    for (const name of ['Loose notes 1', 'Loose notes 2']) {
      const structure = composeTranscript([{ speaker: null, text: 'Notes from a site visit.' }]);
      project = applyChanges(project, ops.addSource(project, ctx, { name, structure, format: 'txt' }));
    }
    const dom = await docxDom(await buildThemeReport(project, { groupBy: 'group' }, deps));
    const text = dom.body.textContent!;
    expect(text).toContain('7 sources from 5 cases (Partner, n=3; Participant, n=2); 2 sources are not linked to a case.');
    expect(text).not.toContain('n=0');
  });

  it('writes a readable report for a project with no themes, codes or attributes yet', async () => {
    const project = emptyProject({ id: seededGuids(1)(), name: 'Fresh study', now: '2026-01-01T00:00:00Z' });
    const dom = await docxDom(await buildThemeReport(project, { groupBy: null }, deps));
    expect([...dom.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Methods', 'Appendix: Codebook']);
    expect(dom.body.textContent).toContain('The analysis draws on 0 sources from 0 cases.');
    expect(dom.body.textContent).toContain('The project has no codes yet.');
  });

  it('says so when a theme has no codes yet, and skips the chart', async () => {
    const { project: base, ids } = buildStudy();
    const project = { ...base, themes: base.themes.map((t) => (t.id === ids.themeWork ? { ...t, codeIds: [] } : t)) };
    const bytes = await buildThemeReport(project, { groupBy: 'group', themeIds: [ids.themeWork!] }, deps);
    expect((await docxDom(bytes)).body.textContent).toContain('No codes belong to this theme yet.');
    expect(docxFiles(bytes).filter((f) => f.startsWith('word/media/'))).toHaveLength(0);
  });

  it('reports progress up to done, and names unknown themes and attributes', async () => {
    const { project } = buildStudy();
    const seen: ReportProgress[] = [];
    await buildThemeReport(project, {}, deps, (p) => seen.push(p));
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(seen.at(-1)).toMatchObject({ done: 4, total: 4 });
    await expect(buildThemeReport(project, { groupBy: 'gender' }, deps)).rejects.toThrow(ReportError);
    await expect(buildThemeReport(project, { groupBy: 'gender' }, deps)).rejects.toThrow(
      /no attribute named 'gender' \(attributes: group, role, site\)/,
    );
    await expect(buildThemeReport(project, { themeIds: ['Housing'] }, deps)).rejects.toThrow(
      /no theme named 'Housing'/,
    );
  });
});

describe('report options', () => {
  it('are remembered in the project and fall back to defaults when the stored value is unusable', () => {
    const { project } = buildStudy();
    expect(savedReportOptions(project)).toEqual(reportOptions());
    const chosen = reportOptions({ groupBy: 'group', quotesPerTheme: 2, includeCharts: false });
    const saved = applyChanges(project, saveReportOptions(project, chosen));
    expect(savedReportOptions(saved)).toEqual(chosen);
    const broken = { ...saved, settings: saved.settings.map((s) => ({ ...s, value: { quotesPerTheme: 'many' } })) };
    expect(savedReportOptions(broken)).toEqual(reportOptions());
  });
});
