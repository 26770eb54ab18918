/**
 * `qda report` and `qda export` end to end on the demo study: the files they write are
 * read back and checked against the analysis engine and the project itself.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../fixtures/demo';
import { main } from '../../cli/main';
import { writeProjectFile } from '../../cli/project-file';
import { buildAnalysisIndex, countByGroup } from '../../shared/analysis';
import { readQdc } from '../../shared/formats/refi';
import { applyChanges } from '../../shared/model';
import { buildCodebookDocx, reportOptions, saveReportOptions } from '../../shared/report';
import { docxDom, docxPart, paragraphsInStyle } from '../shared/report/docx-read';

let dir: string;
const file = (name: string) => path.join(dir, name);
const demo = buildDemoProject();

async function qda(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'qda-report-'));
  await writeProjectFile(file('demo.qdpx'), demo);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('qda report', () => {
  it('writes a report with a chapter per theme and the counts of the query engine', async () => {
    const r = await qda('report', file('demo.qdpx'), '-o', file('report.docx'), '--group-by', 'Participant type');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*report\.docx: 4 themes by Participant type/);
    const bytes = new Uint8Array(readFileSync(file('report.docx')));
    const dom = await docxDom(bytes);
    const h1 = [...dom.querySelectorAll('h1')].map((h) => h.textContent);
    const topThemes = demo.themes.filter((t) => !t.parentId).sort((a, b) => a.order - b.order);
    expect(h1).toEqual(['Methods', ...topThemes.map((t) => t.name), 'Appendix: Codebook']);

    const index = buildAnalysisIndex(demo);
    const tables = [...dom.querySelectorAll('table')];
    for (const [t, theme] of topThemes.entries()) {
      const cases = countByGroup(index, { themeId: theme.id, groupBy: 'Participant type', unit: 'cases' });
      const excerpts = countByGroup(index, { themeId: theme.id, groupBy: 'Participant type', unit: 'excerpts' });
      const rows = [...tables[t]!.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((c) => c.textContent!.trim()),
      );
      for (const [i, row] of excerpts.rows.entries()) {
        expect(rows[i]![2]).toBe(String(row.total));
        expect(rows[i]![4]).toBe(String(cases.rows[i]!.total));
        expect(rows[i]![5]).toMatch(new RegExp(`^${cases.rows[i]!.byGroup.Partner} \\(`));
        expect(rows[i]![6]).toMatch(new RegExp(`^${cases.rows[i]!.byGroup.Participant} \\(`));
      }
    }
    // Every quote is the exact text of one of the demo's codings, attributed from its case.
    const xml = docxPart(bytes, 'word/document.xml');
    const quotes = paragraphsInStyle(xml, 'Quote').map((q) => q.replace(/^\u2026|\u2026$/g, ''));
    const attributions = paragraphsInStyle(xml, 'Attribution');
    expect(quotes.length).toBeGreaterThan(4);
    const codedTexts = new Map(
      demo.codings.map((c) => {
        const source = demo.sources.find((s) => s.id === c.sourceId)!;
        const kase = demo.cases.find((k) => k.id === source.caseId)!;
        const attr = (name: string) => kase.values[demo.attributes.find((a) => a.name === name)!.id]!;
        const role = attr('Role');
        return [source.text.slice(c.start, c.end), `\u2014 ${role[0]!.toUpperCase()}${role.slice(1)}, ${attr('Site')}`];
      }),
    );
    for (const [i, quote] of quotes.entries()) {
      expect(codedTexts.has(quote), quote).toBe(true);
      expect(attributions[i]).toBe(codedTexts.get(quote));
    }
    for (const source of demo.sources) expect(xml).not.toContain(source.name);
  });

  it('takes themes, quote count and no-charts from flags, and remembered options from the project', async () => {
    const theme = demo.themes.find((t) => !t.parentId)!;
    const saved = applyChanges(
      demo,
      saveReportOptions(demo, reportOptions({ groupBy: 'Site', includeCodebook: false })),
    );
    await writeProjectFile(file('saved.qdpx'), saved);
    const r = await qda(
      'report',
      file('saved.qdpx'),
      '-o',
      file('one.docx'),
      '--theme',
      theme.name,
      '--quotes',
      '1',
      '--no-charts',
    );
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(file('one.docx')));
    const dom = await docxDom(bytes);
    expect([...dom.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Methods', theme.name]);
    expect(paragraphsInStyle(docxPart(bytes, 'word/document.xml'), 'Quote')).toHaveLength(1);
    expect(dom.querySelector('img')).toBeNull();
    expect(dom.querySelector('th:nth-child(6)')!.textContent).toMatch(/^Site A/);
  });

  it('without --group-by writes a complete report: a chart of each theme\'s codes, and says counts are not split', async () => {
    const r = await qda('report', file('demo.qdpx'), '-o', file('plain.docx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('add --group-by with one of: Participant type, Site, Role, Months in program');
    const bytes = new Uint8Array(readFileSync(file('plain.docx')));
    const dom = await docxDom(bytes);
    const themes = demo.themes.filter((t) => !t.parentId);
    expect([...dom.querySelectorAll('h2')].filter((h) => h.textContent === 'Prevalence')).toHaveLength(themes.length);
    expect(dom.querySelectorAll('img')).toHaveLength(themes.length);
    expect(dom.body.textContent).toContain('Counts are not split by group');
    const figures = paragraphsInStyle(docxPart(bytes, 'word/document.xml'), 'Caption').filter((c) => c.startsWith('Figure'));
    expect(figures).toHaveLength(themes.length);
    for (const f of figures) expect(f).toMatch(/excerpts, sources and cases coded with each code of .*counts are not split by group\.$/);
    expect([...dom.querySelectorAll('table')[0]!.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'Code',
      'Definition',
      'Excerpts',
      'Sources',
      'Cases',
    ]);
  });

  it("styles the report with a user's Word template, and names a template that is not one", async () => {
    const house = await buildCodebookDocx(demo);
    writeFileSync(file('house.dotx'), house);
    const r = await qda('report', file('demo.qdpx'), '-o', file('styled.docx'), '--template', file('house.dotx'));
    expect(r.code).toBe(0);
    const styles = docxPart(new Uint8Array(readFileSync(file('styled.docx'))), 'word/styles.xml');
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
    const missing = await qda('report', file('demo.qdpx'), '-o', file('styled.docx'), '--template', file('none.dotx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('none.dotx: no such template file');
    const notWord = await qda(
      'export',
      file('demo.qdpx'),
      '--format',
      'codebook-docx',
      '-o',
      file('cb2.docx'),
      '--template',
      file('demo.qdpx'),
    );
    expect(notWord.code).toBe(2);
    expect(notWord.err).toContain('demo.qdpx has no Word styles');
    expect(
      (await qda('export', file('demo.qdpx'), '--format', 'csv', '-o', file('t.csv'), '--template', file('house.dotx')))
        .code,
    ).toBe(1);
  });

  it('warns when the attribution cannot read as asked, and still writes the report (QA F26)', async () => {
    const report = (...extra: string[]) =>
      qda(
        'report',
        file('demo.qdpx'),
        '-o',
        file('attribution.docx'),
        '--theme',
        'Staff workarounds',
        '--quotes',
        '2',
        ...extra,
      );
    const unknown = await report('--attribution', '{case}, {Nope}');
    expect(unknown.code).toBe(0);
    expect(unknown.err).toMatch(
      /^qda report: the attribution names \{Nope\}, which is not an attribute of this project.*\{Site\}/m,
    );
    const hidden = await report('--attribution', '{source}');
    expect(hidden.code).toBe(0);
    expect(hidden.err).toContain('{source} is left out of the attribution because source names are hidden');
    const shown = await report('--attribution', '{source}', '--show-source-names');
    expect(shown.err).toBe('');
    const known = await report('--attribution', '{case} ({Site})');
    expect(known.err).toBe('');
  });

  it('warns when the grouping makes a group of every case, and still writes the report (QA F33)', async () => {
    const r = await qda('report', file('demo.qdpx'), '-o', file('months.docx'), '--group-by', 'Months in program');
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      "qda report: 'Months in program' splits the cases into 8 groups of 1 case each; to compare ranges, add an attribute that bands its values (e.g. 0\u201312, 13\u201324) and group by that.\n",
    );
    expect(existsSync(file('months.docx'))).toBe(true);
  });

  it('names the file and the problem when it cannot report', async () => {
    const missing = await qda('report', file('nope.qdpx'), '-o', file('x.docx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.qdpx: no such file');
    const theme = await qda('report', file('demo.qdpx'), '-o', file('x.docx'), '--theme', 'Unicorns');
    expect(theme.code).toBe(2);
    expect(theme.err).toMatch(/demo\.qdpx: no theme named 'Unicorns'/);
    const attr = await qda('report', file('demo.qdpx'), '-o', file('x.docx'), '--group-by', 'Shoe size');
    expect(attr.err).toMatch(
      /demo\.qdpx: no attribute named 'Shoe size' \(attributes: Participant type, Site, Role, Months in program\)/,
    );
    const folder = await qda('report', file('demo.qdpx'), '-o', path.join(dir, 'no-such-folder', 'r.docx'));
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('no-such-folder');
    expect((await qda('report', file('demo.qdpx'), '-o', file('r.pdf'))).err).toContain(
      'r.pdf: the output file must end in .docx',
    );
    expect((await qda('report', file('demo.qdpx'))).code).toBe(1);
    expect((await qda('report', file('demo.qdpx'), '-o', file('x.docx'), '--quotes', 'lots')).err).toContain(
      '--quotes lots',
    );
    expect(existsSync(file('x.docx'))).toBe(false);
    // A corrupt project is reported by name, and the old report stays as it was.
    writeFileSync(file('broken.qdpx'), 'not a zip');
    writeFileSync(file('keep.docx'), 'old');
    const broken = await qda('report', file('broken.qdpx'), '-o', file('keep.docx'));
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('broken.qdpx');
    expect(readFileSync(file('keep.docx'), 'utf8')).toBe('old');
  });
});

describe('qda export', () => {
  it('writes coded excerpts as CSV and XLSX with the same rows', async () => {
    expect((await qda('export', file('demo.qdpx'), '--format', 'csv', '-o', file('x.csv'))).code).toBe(0);
    expect((await qda('export', file('demo.qdpx'), '--format', 'xlsx', '-o', file('x.xlsx'))).code).toBe(0);
    const csv = readFileSync(file('x.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvLines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(csvLines[0]).toBe(
      'Source,Case,Participant type,Site,Role,Months in program,Speaker,Code level 1,Code level 2,Coder,Start,End,Text',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file('x.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(demo.codings.length + 1);
    expect(csvLines).toHaveLength(demo.codings.length + 1);
    const textCol = 13;
    const texts = new Set<string>();
    sheet.eachRow((row, n) => n > 1 && texts.add(String(row.getCell(textCol).value)));
    for (const c of demo.codings)
      texts.delete(demo.sources.find((s) => s.id === c.sourceId)!.text.slice(c.start, c.end));
    expect(texts.size).toBe(0);
  });

  it('exports only a theme when asked, and the codebook as Word and as REFI-QDA .qdc', async () => {
    const theme = demo.themes.find((t) => !t.parentId)!;
    const r = await qda('export', file('demo.qdpx'), '--format', 'csv', '--theme', theme.name, '-o', file('theme.csv'));
    const expected = countByGroup(buildAnalysisIndex(demo), {
      themeId: theme.id,
      unit: 'excerpts',
      filter: { roles: ['interviewer', 'respondent'] },
    }).rows.reduce((s, row) => s + row.total, 0);
    expect(r.out).toContain(`${expected} coded excerpts`);

    expect(
      (await qda('export', file('demo.qdpx'), '--format', 'codebook-docx', '-o', file('codebook.docx'))).code,
    ).toBe(0);
    const dom = await docxDom(new Uint8Array(readFileSync(file('codebook.docx'))));
    const headings = [...dom.querySelectorAll('h2, h3')].map((h) => h.textContent!.replace(/^[\d.]+ /, ''));
    for (const code of demo.codes) expect(headings).toContain(code.name);

    expect((await qda('export', file('demo.qdpx'), '--format', 'qdc', '-o', file('codebook.qdc'))).code).toBe(0);
    const codebook = readQdc(readFileSync(file('codebook.qdc'), 'utf8'), 'codebook.qdc');
    expect(JSON.stringify(codebook)).toContain(demo.codes[0]!.name);
  });

  it('rejects unknown formats and mismatched file names', async () => {
    const bad = await qda('export', file('demo.qdpx'), '--format', 'pdf', '-o', file('x.pdf'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('choose one of csv, xlsx, codebook-docx, qdc');
    expect((await qda('export', file('demo.qdpx'), '--format', 'csv', '-o', file('x.xlsx'))).err).toContain(
      'must end in .csv',
    );
    mkdirSync(file('folder.csv'));
    expect((await qda('export', file('demo.qdpx'), '--format', 'csv', '-o', file('folder.csv'))).err).toContain(
      'is a folder',
    );
    expect(
      (await qda('export', file('demo.qdpx'), '--format', 'csv', '--theme', 'Nope', '-o', file('n.csv'))).err,
    ).toContain("no theme named 'Nope'");
  });
});
