/**
 * A researcher's path through the coding workspace in Chromium: open the demo project,
 * select a sentence, apply a code from the palette, create an in-vivo code, undo, redo,
 * reload and find the codings still there; a transcript holding HTML shows it as text.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readQdpx, writeQdpx } from '../../shared/formats/refi';
import { emptyProject, applyChanges, seededGuids } from '../../shared/model';
import { addCoder, addSource } from '../../shared/ops';
import { composeTranscript } from '../../shared/text/compose';
import { launchBrowser, newAppPage, pageErrors } from './browser';
import { codingCount, mod, selectText } from './workspace-helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');

describe('coding workspace', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
    page = await newAppPage(browser, baseUrl, { coder: 'Jordan Ellis' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the demo project on first start with the chosen coder', async () => {
    expect(await page.locator('.project-name').textContent()).toContain('LEAD evaluation (demo)');
    expect(await page.locator('.status-bar').textContent()).toContain('Coding as Jordan Ellis');
    expect(await page.getByRole('combobox', { name: 'Document' }).locator('option').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.t-block').count()).toBeGreaterThan(5);
    // Demo codings are drawn as highlights and as margin stripes.
    expect(await page.locator('.transcript .coded').count()).toBeGreaterThan(0);
    expect(await page.locator('.t-stripes .stripe').count()).toBeGreaterThan(0);
    // A stripe selects its coding; hovering a highlight names its code and coder.
    const stripe = page.getByRole('button', { name: 'Coding: Warm handoff. Select it' });
    await stripe.click();
    await page.locator('.coding-card.active').filter({ hasText: 'Warm handoff' }).waitFor();
    expect(await page.locator('.transcript .coded.active').first().textContent()).toBe('we do a warm handoff right there on the corner');
    await page.locator('.transcript .coded').filter({ hasText: 'I see the same guy' }).hover();
    const card = page.getByRole('tooltip');
    await card.waitFor();
    expect(await card.textContent()).toContain('Starting from zero');
    expect(await card.textContent()).toContain('by Alex Rivera');
    await page.keyboard.press('Escape');
  });

  it('keeps the transcript read-only but lets the keyboard select', async () => {
    const block = page.locator('.transcript .t-text').filter({ hasText: 'Detox is the big one.' });
    const before = await block.textContent();
    await selectText(page, 'Detox');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'Detox is'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.locator('.selection-quote').filter({ hasText: '“Detox is”' }).waitFor();
    await page.keyboard.type('xq');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await block.textContent()).toBe(before);
    expect(await codingCount(page)).toBe(9);
  });

  it('applies a code to a selected sentence from the palette', async () => {
    const before = await codingCount(page);
    await selectText(page, 'Detox is the big one.');
    await page.keyboard.press('c');
    const input = page.getByRole('combobox', { name: /Find a code to apply/ });
    await input.waitFor();
    await input.fill('eligib');
    expect(await page.getByRole('option', { name: /Eligibility rules/ }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => {
      const m = /(\d+) codings/.exec(document.querySelector('.transcript-toolbar')?.textContent ?? '');
      return m && Number(m[1]) === n + 1;
    }, before);
    // The sentence is highlighted, and the panel lists the new coding by this coder.
    const panel = page.locator('.side.right');
    await panel.getByText('Eligibility rules').first().waitFor();
    expect(await panel.locator('.coding-card').filter({ hasText: 'Eligibility rules' }).filter({ hasText: 'Jordan Ellis' }).count()).toBe(1);
    const highlighted = await page.locator('.transcript .coded').filter({ hasText: 'Detox is the big one.' }).count();
    expect(highlighted).toBe(1);
  });

  it('creates an in-vivo code from the selected words, then undoes and redoes it', async () => {
    const before = await codingCount(page);
    await selectText(page, 'simply no bed');
    await page.keyboard.press(`${mod}+Shift+V`);
    const row = page.getByRole('treeitem', { name: /“simply no bed”/ });
    await row.waitFor();
    expect(await codingCount(page)).toBe(before + 1);

    await page.keyboard.press(`${mod}+Z`);
    await row.waitFor({ state: 'detached' });
    expect(await codingCount(page)).toBe(before);

    await page.keyboard.press(`${mod}+Shift+Z`);
    await row.waitFor();
    expect(await codingCount(page)).toBe(before + 1);
  });

  it('keeps codings, codes and the undo history across a reload', async () => {
    const before = await codingCount(page);
    await page.waitForFunction(() => !/Storing/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''));
    await page.reload();
    await page.locator('.transcript').waitFor();
    await page.getByRole('treeitem', { name: /“simply no bed”/ }).waitFor();
    expect(await codingCount(page)).toBe(before);
    expect(await page.locator('.status-bar').textContent()).toContain('Coding as Jordan Ellis');
    // Undo still knows the last step after the reload.
    expect(await page.getByRole('button', { name: /^Undo Code in vivo/ }).count()).toBe(1);
    await page.locator('.transcript .t-text').first().click();
    await page.keyboard.press(`${mod}+Z`);
    await page.getByRole('treeitem', { name: /“simply no bed”/ }).waitFor({ state: 'detached' });
    await page.keyboard.press(`${mod}+Shift+Z`);
    await page.getByRole('treeitem', { name: /“simply no bed”/ }).waitFor();
  });

  it('saves the project as a .qdpx that reads back with every coding', async () => {
    const statusText = (await page.locator('.status-counts').textContent()) ?? '';
    const codings = Number(/(\d+) codings/.exec(statusText)?.[1]);
    const download = page.waitForEvent('download');
    await page.locator('.transcript .t-text').first().click();
    await page.keyboard.press(`${mod}+S`);
    const file = await download;
    expect(file.suggestedFilename()).toBe('LEAD evaluation (demo).qdpx');
    const { project } = readQdpx(new Uint8Array(readFileSync(await file.path())), file.suggestedFilename());
    expect(project.codings).toHaveLength(codings);
    expect(project.codes.some((c) => c.name === '“simply no bed”' && c.origin === 'in-vivo')).toBe(true);
    await page.locator('[data-testid="save-state"]').filter({ hasText: 'Saved to file' }).waitFor();

    // A later change, then opening the saved file: the app asks before replacing unsaved work.
    await selectText(page, 'Maybe half the time.');
    await page.keyboard.press('c');
    await page.getByRole('combobox', { name: /Find a code to apply/ }).fill('warm handoff');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="save-state"]').filter({ hasText: 'not saved to a file' }).waitFor();
    const changed = await codingCount(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: /Open \.qdpx/ }).click();
    await (await chooser).setFiles(await file.path());
    const question = page.getByRole('alertdialog', { name: /^Keep which copy of / });
    expect(await question.textContent()).toContain('changes that are not saved to a file');
    await question.getByRole('button', { name: /^Replace with / }).click();
    await page.waitForFunction((n) => {
      const m = /(\d+) codings/.exec(document.querySelector('.transcript-toolbar')?.textContent ?? '');
      return m && Number(m[1]) === n - 1;
    }, changed);
  });

  it('looks right in light and dark', async () => {
    await page.screenshot({ path: path.join(shots, 'coding-light.png') });
    const dark = await newAppPage(browser, baseUrl, { coder: 'Dark Mode', colorScheme: 'dark' });
    await selectText(dark, 'Detox is the big one.');
    await dark.screenshot({ path: path.join(shots, 'coding-dark.png') });
    const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(22, 24, 28)');
    await dark.context().close();
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps two tabs with the same project in step, undo included (QA F32)', async () => {
    const a = await newAppPage(browser, baseUrl, { coder: 'Jordan Ellis' });
    await a.waitForFunction(() => !/Storing/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''));
    const b = await a.context().newPage();
    await b.goto(baseUrl);
    await b.locator('.transcript .t-text').first().waitFor({ timeout: 30_000 });
    const before = await codingCount(b);
    await selectText(a, 'Maybe half the time.');
    await a.keyboard.press('c');
    await a.getByRole('combobox', { name: /Find a code to apply/ }).fill('Stigma in two tabs');
    await a.keyboard.press('Enter');
    // The other tab shows the new code and coding without a reload.
    await b.getByRole('treeitem', { name: /^Stigma in two tabs/ }).waitFor();
    await b.waitForFunction((n) => document.querySelectorAll('.stripe').length > 0 && Number(/(\d+) codings/.exec(document.querySelector('.transcript-toolbar')?.textContent ?? '')?.[1]) === n + 1, before);
    // Undo in the other tab takes back that latest change, and the first tab sees it go.
    await b.locator('.transcript .t-text').first().click();
    await b.keyboard.press(`${mod}+Z`);
    await a.getByRole('treeitem', { name: /^Stigma in two tabs/ }).waitFor({ state: 'detached' });
    expect(await codingCount(a)).toBe(before);
    await a.context().close();
  });

  it('gives the transcript the room on a laptop-size window; the selection panel is a drawer there (QA F19)', async () => {
    const narrow = await newAppPage(browser, baseUrl, { coder: 'Jordan Ellis', viewport: { width: 1024, height: 700 }, colorScheme: 'dark' });
    await narrow.locator('.t-text').first().waitFor();
    const measure = () =>
      narrow.locator('.t-block:not(.interviewer) .t-text').first().evaluate((el) => {
        const probe = document.createElement('span');
        probe.textContent = '0'.repeat(20);
        el.appendChild(probe);
        const ch = probe.getBoundingClientRect().width / 20;
        probe.remove();
        return el.getBoundingClientRect().width / ch;
      });
    expect(await measure()).toBeGreaterThanOrEqual(45);
    const details = narrow.getByRole('complementary', { name: 'Selection and codings' });
    expect(await details.isVisible()).toBe(false);
    await narrow.locator('.stripe:visible').first().click();
    await details.getByText('Codings here').waitFor();
    expect(await details.isVisible()).toBe(true);
    await details.getByRole('button', { name: 'Close ▸' }).click();
    await narrow.waitForFunction(() => getComputedStyle(document.getElementById('coding-details')!).visibility === 'hidden');
    await narrow.screenshot({ path: path.join(shots, 'coding-1024-dark.png') });
    await narrow.context().close();
  });

  it('shows a transcript that contains HTML as literal text', async () => {
    const ids = seededGuids(99);
    const ctx = { newId: ids, now: () => '2026-11-27T10:00:00Z', coderId: ids() };
    let project = emptyProject({ id: ids(), name: 'Hostile input', now: ctx.now() });
    const coder = addCoder(project, ctx, { name: 'Jordan Ellis' });
    project = applyChanges(project, coder);
    const payload = '<img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script> & <b>bold?</b>';
    const structure = composeTranscript([
      { speaker: 'Interviewer', text: 'Paste what they wrote.' },
      { speaker: 'P99', text: payload },
    ]);
    project = applyChanges(project, addSource(project, { ...ctx, coderId: coder.id }, { name: 'Hostile <i>name</i>', structure, format: 'txt' }));
    const bytes = writeQdpx(project);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: /Open \.qdpx/ }).click();
    await (await chooser).setFiles({ name: 'hostile.qdpx', mimeType: 'application/zip', buffer: Buffer.from(bytes) });
    await page.locator('.project-name').filter({ hasText: 'Hostile input' }).waitFor();
    const text = await page.locator('.transcript').innerText();
    expect(text).toContain('<img src=x onerror="window.__xss=1">');
    expect(text).toContain('<script>window.__xss=2</script>');
    expect(await page.locator('.transcript img, .transcript script, .transcript b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.getByRole('combobox', { name: 'Document' }).locator('option').first().textContent()).toBe('Hostile <i>name</i>');
  });
});
