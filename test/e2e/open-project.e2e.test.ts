/**
 * Opening a .qdpx through File > Open: the file is read in a worker while the "Opening
 * <file>" dialog shows each step, then stored with "Saving to this computer: n of m rows"
 * (Cancel off, saying why), then the project shows. Cancelling while reading ends the
 * worker and leaves the open project as it was; a damaged file is named in the error.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeQdpx } from '../../shared/formats/refi';
import { launchBrowser, newAppPage, pageErrors } from './browser';
import { generatedQdpx, generatedStudy } from './generated-study';
import { codingCount } from './workspace-helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');

interface Seen {
  step: string;
  cancelDisabled: boolean;
  cancelTitle: string;
}

/** Records what the opening dialog shows each time it changes, from before the open starts. */
async function watchOpeningDialog(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Seen[] = [];
    (window as unknown as { __opening: Seen[] }).__opening = seen;
    new MutationObserver(() => {
      const step = document.querySelector('.opening-step')?.textContent;
      const cancel = document.querySelector<HTMLButtonElement>('.opening-dialog .dialog-actions button');
      if (!step || !cancel) return;
      const last = seen[seen.length - 1];
      if (last?.step === step && last.cancelDisabled === cancel.disabled) return;
      seen.push({ step, cancelDisabled: cancel.disabled, cancelTitle: cancel.title });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function chooseToOpen(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File ▾' }).click();
  await page.getByRole('menuitem', { name: /Open \.qdpx/ }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/zip', buffer: file.buffer });
}

describe('opening a project file', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reads it in a worker with the opening dialog, stores it with Cancel off, then shows the project', async () => {
    const page = await newAppPage(browser, baseUrl, { coder: 'Open Tester' });
    const size = { sources: 60, turns: 80, codingsPerSource: 150 };
    const buffer = generatedQdpx('Generated study', size);
    await watchOpeningDialog(page);
    const worker = page.waitForEvent('worker');
    await chooseToOpen(page, { name: 'generated-study.qdpx', buffer });

    const dialog = page.getByRole('dialog', { name: 'Opening generated-study.qdpx' });
    await dialog.waitFor();
    await page.screenshot({ path: path.join(shots, 'opening-dialog.png') });
    expect(await dialog.getByRole('progressbar', { name: 'Opening generated-study.qdpx' }).count()).toBe(1);
    expect((await worker).url()).toContain('read-project.worker');

    await page.locator('.project-name').filter({ hasText: 'Generated study' }).waitFor({ timeout: 60_000 });
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Imported generated-study.qdpx' }).waitFor();
    await expect.poll(() => codingCount(page)).toBe(size.codingsPerSource);

    const seen = await page.evaluate(() => (window as unknown as { __opening: Seen[] }).__opening);
    const steps = seen.map((s) => s.step);
    expect(steps.some((s) => /^Reading transcript \d+ of 60$/.test(s)), steps.join(' | ')).toBe(true);
    expect(steps).toContain('Placing 9,000 coded passages');
    const rows = 1 + 1 + size.sources + 40 + size.sources * size.codingsPerSource;
    const saving = seen.filter((s) => s.step.startsWith('Saving to this computer: '));
    expect(saving.length, steps.join(' | ')).toBeGreaterThan(0);
    expect(saving.at(-1)!.step).toMatch(new RegExp(`: [\\d,]+ of ${rows.toLocaleString('en')} rows$`));
    // Reading can be cancelled; saving cannot, and the button says why.
    expect(seen.filter((s) => s.step.startsWith('Reading')).every((s) => !s.cancelDisabled)).toBe(true);
    expect(saving.every((s) => s.cancelDisabled && /stored whole or not at all/.test(s.cancelTitle))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('cancels while reading: the worker ends and the project already open stays as it was', async () => {
    const page = await newAppPage(browser, baseUrl, { coder: 'Cancel Tester' });
    const before = { name: await page.locator('.project-name').textContent(), codings: await codingCount(page) };
    // Big enough that reading it takes a few seconds: time to press Cancel while it is read.
    const study = generatedStudy('Too big to wait for', { sources: 300, turns: 160, codingsPerSource: 250 }, 8);
    const buffer = Buffer.from(writeQdpx(study));
    const worker = page.waitForEvent('worker');
    await chooseToOpen(page, { name: 'big-study.qdpx', buffer });

    const dialog = page.getByRole('dialog', { name: 'Opening big-study.qdpx' });
    await dialog.waitFor();
    const reader = await worker;
    const closed = new Promise<void>((resolve) => reader.once('close', () => resolve()));
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    expect(await cancel.isEnabled()).toBe(true);
    await cancel.click({ timeout: 2000 });
    await dialog.waitFor({ state: 'detached' });
    await closed;

    expect(await page.locator('.project-name').textContent()).toBe(before.name);
    expect(await codingCount(page)).toBe(before.codings);
    expect(await page.getByRole('alert').count()).toBe(0);
    // Nothing of the cancelled file was stored.
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases).not.toContain(`lantern-project-${study.meta.id}`);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('names a file it cannot read and keeps the open project', async () => {
    const page = await newAppPage(browser, baseUrl, { coder: 'Broken File' });
    const name = await page.locator('.project-name').textContent();
    await chooseToOpen(page, { name: 'broken.qdpx', buffer: Buffer.from('PK\u0003\u0004 not really a zip at all') });
    const alert = page.getByRole('alert').filter({ hasText: 'Could not open broken.qdpx:' });
    await alert.waitFor();
    expect(await page.getByRole('dialog', { name: /^Opening/ }).count()).toBe(0);
    expect(await page.locator('.project-name').textContent()).toBe(name);
    await page.context().close();
  });
});
