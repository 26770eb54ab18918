/**
 * The Report view in Chromium: choose the options, write the theme report (charts drawn
 * on a canvas in the browser), get it as a download, read it back; the options are
 * remembered after a reload; the excerpts export downloads a workbook Excel can read.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDemoProject } from '../../fixtures/demo';
import { docxDom, docxFiles, docxPart } from '../shared/report/docx-read';
import { launchBrowser, newAppPage, pageErrors } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');
const demo = buildDemoProject();

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
}

describe('report view', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
    page = await newAppPage(browser, baseUrl, { coder: 'Report Tester' });
    await page.getByRole('tab', { name: /Report/ }).click();
    await page.getByRole('heading', { name: 'Report and export' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('writes the theme report with the chosen options as a Word download', async () => {
    const themes = demo.themes.filter((t) => !t.parentId).sort((a, b) => a.order - b.order);
    await page.getByLabel('Compare groups by').selectOption('Participant type');
    await page.getByLabel('Quotes per theme').fill('2');
    await page.getByRole('checkbox', { name: themes[1]!.name }).uncheck();
    await page.screenshot({ path: path.join(shots, 'report-view.png') });
    const file = await download(page, () => page.getByRole('button', { name: 'Write report…' }).click());
    expect(file.name).toBe('LEAD evaluation (demo) - report.docx');
    // Kept for a look in LibreOffice or Word (the charts here come from the browser's canvas).
    writeFileSync(path.join(shots, 'report-browser.docx'), file.bytes);
    const dom = await docxDom(file.bytes);
    const chapters = [...dom.querySelectorAll('h1')].map((h) => h.textContent);
    expect(chapters).toEqual(['Methods', ...themes.filter((_, i) => i !== 1).map((t) => t.name), 'Appendix: Codebook']);
    expect(dom.querySelector('th:nth-child(6)')!.textContent).toContain('Partner');
    // One chart per chapter, drawn by the browser's canvas at twice its printed width.
    const media = docxFiles(file.bytes).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(themes.length - 1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('warns where the choice is made: an attribution it cannot fill, groups of one case', async () => {
    const attribution = page.getByLabel('Attribution under each quote');
    const before = await attribution.inputValue();
    await attribution.fill('{case}, {source}, {Nope}');
    const help = page.locator('#attribution-help');
    await expect.poll(() => help.textContent()).toContain('{Nope}, which is not an attribute of this project');
    expect(await help.textContent()).toContain('{source} is left out of the attribution because source names are hidden');
    await page.getByRole('checkbox', { name: /Allow \{source\}/ }).check();
    await expect.poll(() => help.textContent()).not.toContain('{source} is left out');
    await page.getByRole('checkbox', { name: /Allow \{source\}/ }).uncheck();
    await attribution.fill(before);
    await expect.poll(() => help.getAttribute('class')).toBe('muted');

    const groupBy = page.getByLabel('Compare groups by');
    const chosen = await groupBy.inputValue();
    await groupBy.selectOption('Months in program');
    await expect.poll(() => page.locator('#grouping-help').textContent()).toMatch(/^'Months in program' splits the cases into \d+ groups of 1 case each; to compare ranges/);
    await attribution.fill('{case}, {source}');
    await page.screenshot({ path: path.join(shots, 'report-warnings.png') });
    await attribution.fill(before);
    await groupBy.selectOption(chosen);
    expect(await page.locator('#grouping-help').count()).toBe(0);
  });

  it('remembers the options with the project', async () => {
    await page.reload();
    await page.getByRole('tab', { name: /Report/ }).click();
    await expect.poll(() => page.getByLabel('Compare groups by').inputValue()).toBe('Participant type');
    expect(await page.getByLabel('Quotes per theme').inputValue()).toBe('2');
  });

  it('exports the coded excerpts as a workbook with a row per coding', async () => {
    const file = await download(page, () => page.getByRole('button', { name: 'Coded excerpts (Excel)…' }).click());
    expect(file.name).toBe('LEAD evaluation (demo) - coded excerpts.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Source');
    expect(sheet.rowCount).toBe(demo.codings.length + 1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('offers the exports in the File menu', async () => {
    await page.getByRole('button', { name: /File/ }).click();
    await page.getByRole('menuitem', { name: /Export/ }).click();
    const file = await download(page, () => page.getByRole('menuitem', { name: 'Codebook (Word)…' }).click());
    expect(file.name).toBe('LEAD evaluation (demo) - codebook.docx');
    const headings = [...(await docxDom(file.bytes)).querySelectorAll('h2, h3')].map((h) =>
      h.textContent!.replace(/^[\d.]+ /, ''),
    );
    for (const code of demo.codes) expect(headings).toContain(code.name);
  });

  it("writes the report in a chosen Word template's styles", async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const house = new Document({
      styles: { default: { heading1: { run: { font: 'Georgia', color: 'C00000' } } } },
      sections: [{ children: [new Paragraph('House style')] }],
    });
    const templatePath = path.join(shots, 'house-template.docx');
    writeFileSync(templatePath, await Packer.pack(house, 'uint8array'));
    await page.getByRole('tab', { name: /Report/ }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Word template…' }).click(),
    ]);
    await chooser.setFiles(templatePath);
    await page.getByText('house-template.docx').waitFor();
    await page.screenshot({ path: path.join(shots, 'report-view-template.png') });
    const file = await download(page, () => page.getByRole('button', { name: 'Write report…' }).click());
    const styles = docxPart(file.bytes, 'word/styles.xml');
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
    expect(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)![0]).toContain('Georgia');
    expect(styles).toContain('w:styleId="Attribution"');
    expect(pageErrors(page)).toEqual([]);
  });
});
