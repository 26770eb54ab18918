/**
 * A project opened from another tool's file that held something Lantern QDA could not
 * keep (fixtures/refi/lossy.qde: a coding of a code its codebook lacks) is never saved
 * over that file: Save says what the new file will leave out and saves only as a new
 * file; once saved so, Save asks no more.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readQdpx } from '../../shared/formats/refi';
import { lossOf } from '../../shared/model';
import { launchBrowser, newAppPage, pageErrors } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lossy = readFileSync(path.join(root, 'fixtures/refi/lossy.qde'));

async function chooseToOpen(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File ▾' }).click();
  await page.getByRole('menuitem', { name: /Open \.qdpx/ }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/xml', buffer: file.buffer });
}

async function pressSave(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'File ▾' }).click();
  await page.getByRole('menuitem', { name: /^Save(?! as)/ }).click();
}

describe('saving a project that could not be kept whole', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const asked: string[] = [];

  /** The in-app question Save asks: its text, answered with the button named. */
  async function answerQuestion(button: string): Promise<void> {
    const question = page.getByRole('alertdialog');
    await question.waitFor();
    asked.push((await question.textContent()) ?? '');
    await question.getByRole('button', { name: button }).click();
    await question.waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newAppPage(browser, baseUrl, { coder: 'Lossy Tester' });
    await chooseToOpen(page, { name: 'lossy.qde', buffer: lossy });
    await page.locator('.project-name').filter({ hasText: 'Allotment notes' }).waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('says what will be left out, and saves nothing when declined', async () => {
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await pressSave(page);
    await answerQuestion('Cancel');
    expect(asked[0]).toContain('lossy.qde holds things Lantern QDA could not keep');
    expect(asked[0]).toContain('can only be saved as a new file');
    expect(asked[0]).toMatch(/• Coding ".*": refers to a code DEAD0000-0000-4000-8000-000000000009 that is not in the codebook/);
    await page.waitForTimeout(500);
    expect(downloaded).toBe(false);
  });

  it('saves as a new file when accepted, and asks no more after that', async () => {
    const first = page.waitForEvent('download');
    await pressSave(page);
    await answerQuestion('Save as a new file…');
    const file = await first;
    expect(asked).toHaveLength(2);
    const saved = readQdpx(new Uint8Array(readFileSync((await file.path())!)), 'saved.qdpx');
    expect(saved.project.codings).toHaveLength(1);
    expect(lossOf(saved.project.preserved)).toBeNull();

    const second = page.waitForEvent('download');
    await pressSave(page);
    await second;
    expect(asked).toHaveLength(2);
    expect(pageErrors(page)).toEqual([]);
  });

  it('opens a project with nothing in it but its users as an empty project', async () => {
    await chooseToOpen(page, { name: 'empty.qde', buffer: readFileSync(path.join(root, 'fixtures/refi/empty.qde')) });
    await page.locator('.project-name').filter({ hasText: 'Nothing yet' }).waitFor({ timeout: 60_000 });
    await page.getByRole('status').filter({ hasText: 'Imported empty.qde' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
