/**
 * A researcher's path from codes to a theme and its evidence, in Chromium on the demo
 * project: build a theme from three codes (two picked from the card's list, one dragged),
 * filter to participants, read the theme's excerpts, open one in its transcript; then
 * every chart, a matrix cell's excerpts and a text search. Screenshots go to
 * test-results/screens for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDemoProject } from '../../fixtures/demo';
import { buildAnalysisIndex, countByGroup, findCode, retrieveExcerpts } from '../../shared/analysis';
import { launchBrowser, newAppPage, pageErrors } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');

const index = buildAnalysisIndex(buildDemoProject());
const CODES = ['Waitlists', 'Transportation', 'Trust in staff'];
const codeIds = CODES.map((n) => findCode(index, n)!.id);
const participants = { where: [{ attribute: 'Participant type', values: ['Participant'] }] };

describe('themes, retrieval and charts', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
    page = await newAppPage(browser, baseUrl, { coder: 'Rae Analyst', viewport: { width: 1500, height: 950 } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const card = () => page.getByRole('article', { name: 'Theme Access barriers' });

  it('builds a theme from three codes: two from the card’s list, one dragged', async () => {
    await page.getByRole('tab', { name: /Themes/ }).click();
    await page.getByRole('heading', { name: 'Themes' }).waitFor();
    expect(await page.locator('.theme-card').count()).toBe(4);
    await page.getByRole('button', { name: 'New theme' }).click();
    // The new card's name field has the keyboard, so typing a name (spaces, Enter) names it
    // instead of pressing "New theme" again (QA F14); the name is the lowest free number.
    const name = page.locator('.theme-card').last().getByLabel('Theme name');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await name.inputValue()).toBe('New theme 1');
    expect(
      await name.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }),
    ).toBe(true);
    await page.keyboard.type('Access barriers');
    await page.keyboard.press('Enter');
    await card().waitFor();
    expect(await page.locator('.theme-card').count()).toBe(5);
    await card().getByLabel('Add code to Access barriers').selectOption({ label: 'Barriers to services / Waitlists' });
    await card()
      .getByLabel('Add code to Access barriers')
      .selectOption({ label: 'Barriers to services / Transportation' });
    await page
      .locator('.codes-to-place')
      .getByRole('button', { name: /Trust in staff/ })
      .dragTo(card());
    const codes = card().getByRole('table', { name: 'Codes in Access barriers' });
    await expect.poll(() => codes.locator('tbody tr').count()).toBe(3);
    // The numbers on a code row say what they count (QA F11).
    expect(await codes.getByRole('columnheader').allTextContents()).toEqual([
      'Code',
      'Excerpts',
      'Sources',
      'Cases',
      'Remove',
    ]);
    const waitlists = countByGroup(index, { codeIds: [codeIds[0]!], unit: 'excerpts' }).total;
    expect(
      await codes
        .getByRole('row', { name: /Waitlists/ })
        .getByRole('cell')
        .nth(1)
        .textContent(),
    ).toBe(String(waitlists));
    const want = countByGroup(index, { codeIds, unit: 'excerpts' }).total;
    expect(await card().locator('.count-line').textContent()).toContain(`${want} excerpts`);
    await page.screenshot({ path: path.join(shots, 'themes-board.png') });
  });

  it('shows a long theme name whole, wrapped rather than cut off (QA F11)', async () => {
    const long = page.getByRole('article', { name: 'Theme Continuum of care disrupted' }).getByLabel('Theme name');
    const fits = await long.evaluate(
      (el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1,
    );
    expect(fits).toBe(true);
    await long.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'themes-long-name.png') });
  });

  it('filters to participants: counts follow the engine', async () => {
    await page.locator('.themes-header').getByLabel('Filter attribute').selectOption({ label: 'Participant type' });
    await page.locator('.themes-header').getByLabel('Filter value').selectOption('Participant');
    const unit = (u: 'excerpts' | 'sources' | 'cases') =>
      countByGroup(index, { codeIds, unit: u, filter: participants }).total;
    await expect
      .poll(() => card().locator('.count-line').textContent())
      .toBe(`${unit('excerpts')} excerpts · ${unit('sources')} sources · ${unit('cases')} cases`);
    // Split by site, each group's n is that site's participants, not everyone there (QA F13).
    await page.getByLabel('Split counts by').selectOption({ label: 'Site' });
    const sizes = countByGroup(index, { codeIds, groupBy: 'Site', unit: 'cases', filter: participants });
    const heads = await card()
      .getByRole('table', { name: 'Access barriers by group' })
      .locator('tbody th')
      .allTextContents();
    expect(heads).toEqual(sizes.groups.map((g) => `${g} (n=${sizes.groupSizes[g]!.cases})`));
    expect(heads.some((h) => h.startsWith('(no value)'))).toBe(false);
    await page.screenshot({ path: path.join(shots, 'themes-filtered-by-site.png') });
    await page.getByLabel('Split counts by').selectOption({ label: 'Participant type' });
  });

  it('shows the theme’s participant excerpts and opens one in its transcript', async () => {
    await card()
      .getByRole('button', { name: /Show excerpts/ })
      .click();
    const panel = page.getByRole('complementary', { name: 'Excerpts of the selection' });
    const expected = retrieveExcerpts(index, { codeIds, filter: participants });
    await expect.poll(() => panel.locator('.excerpt').count()).toBe(expected.length);
    const chips = await panel.locator('.excerpt .attr-chip[title="Participant type"]').allTextContents();
    expect(chips.length).toBe(expected.length);
    expect(new Set(chips)).toEqual(new Set(['Participant']));
    await page.screenshot({ path: path.join(shots, 'themes-excerpts.png') });

    const first = expected[0]!;
    await panel.locator('.excerpt').first().getByRole('button', { name: 'Open in transcript' }).click();
    await page.locator('.transcript').waitFor();
    const documentSelect = page.getByRole('combobox', { name: 'Document' });
    await expect.poll(async () => documentSelect.locator('option:checked').textContent()).toBe(first.sourceName);
    await expect.poll(() => page.locator('.transcript').textContent()).toContain(first.text);
    await page.screenshot({ path: path.join(shots, 'themes-open-excerpt.png') });
  });

  it('draws every chart with its data table', async () => {
    await page.getByRole('tab', { name: /Analysis/ }).click();
    await page.getByRole('tab', { name: 'Charts' }).click();
    const kinds = [
      'Frequency by group',
      'Co-occurrence heatmap',
      'Co-occurrence network',
      'Theme map',
      'Coding density per source',
      'Saturation curve',
    ];
    for (const kind of kinds) {
      await page.getByLabel('Chart', { exact: true }).selectOption({ label: kind });
      const figure = page.locator('.chart-figure svg[role="img"]');
      await figure.waitFor();
      expect(await page.locator('.chart-table tbody tr').count()).toBeGreaterThan(0);
      await page
        .locator('.chart-figure')
        .screenshot({ path: path.join(shots, `chart-${kind.toLowerCase().replace(/\W+/g, '-')}.png`) });
    }
    expect(await page.locator('.chart-figure svg title').first().textContent()).toContain('New codes per transcript');
  });

  it('saves a chart as PNG through the host (a download in the browser)', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save PNG' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    const saved = path.join(shots, `download-${file.suggestedFilename()}`);
    await file.saveAs(saved);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(saved).subarray(1, 4).toString()).toBe('PNG');
  });

  it('opens a matrix cell’s excerpts', async () => {
    await page.getByRole('tab', { name: 'Matrices' }).click();
    await page.getByLabel('Attribute', { exact: true }).selectOption({ label: 'Site' });
    const cell = page.locator('table.matrix .cell-button').first();
    const value = Number(await cell.textContent());
    await cell.click();
    await expect.poll(() => page.locator('.cell-excerpts .excerpt').count()).toBe(value);
    await page.screenshot({ path: path.join(shots, 'analysis-matrix.png') });
  });

  it('searches text and reports a bad pattern in words', async () => {
    await page.getByRole('tab', { name: 'Queries' }).click();
    await page.getByLabel('Search text').fill('bus');
    await expect.poll(() => page.locator('.queries .panel').nth(1).locator('.excerpt').count()).toBeGreaterThan(0);
    await page.getByLabel('Regular expression').check();
    await page.getByLabel('Search text').fill('(bus');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Not a valid regular expression/);
    await page.screenshot({ path: path.join(shots, 'analysis-queries.png') });
  });

  it('builds a boolean query, saves it, and loads it back', async () => {
    await page.getByLabel('First code').selectOption({ label: 'Barriers to services / Waitlists' });
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Operator 1').selectOption({ label: 'OR' });
    await page.getByLabel('Code 2').selectOption({ label: 'Barriers to services / Transportation' });
    const expected = countByGroup(index, { codeIds: codeIds.slice(0, 2), unit: 'excerpts' }).total;
    const codePanel = page.locator('.queries .panel').first();
    await expect.poll(() => codePanel.locator('.excerpt').count()).toBeGreaterThan(0);
    // OR merges overlapping text, so passages can be fewer than excerpts, never more.
    expect(await codePanel.locator('.excerpt').count()).toBeLessThanOrEqual(expected);
    await page.getByLabel('Query name').fill('Waits or travel');
    await page.getByRole('button', { name: 'Save query' }).click();
    const saved = page.locator('.queries .panel').nth(2);
    await expect.poll(() => saved.textContent()).toContain('Waitlists OR Transportation');
    await page.getByLabel('Operator 1').selectOption({ label: 'NOT' });
    await saved.getByRole('button', { name: 'Waits or travel', exact: true }).click();
    expect(await page.getByLabel('Operator 1').inputValue()).toBe('or');
    expect(pageErrors(page)).toEqual([]);
  });

  it('says where codes come from in a new project instead of showing empty lists (QA F28)', async () => {
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: 'New project' }).click();
    await page.locator('.project-name').filter({ hasText: 'Untitled project' }).waitFor();
    await page.getByRole('tab', { name: /Themes/ }).click();
    const toPlace = page.getByRole('complementary', { name: 'Codes not yet in a theme' });
    await toPlace.getByText('No codes yet.').waitFor();
    expect(await toPlace.textContent()).not.toContain('Every code is in a theme');
    await page.getByRole('tab', { name: /Analysis/ }).click();
    await page.locator('.analysis-empty').filter({ hasText: 'No codes yet' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'analysis-empty.png') });
    await page.locator('.analysis-empty').getByRole('button', { name: 'Create codes in the Codebook' }).click();
    await page.getByRole('heading', { name: 'Codebook' }).first().waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
