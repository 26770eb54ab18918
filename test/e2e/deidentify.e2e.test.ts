/**
 * De-identify in the app: open a study full of names, find the identifiers, review them
 * (keep one, rename one pseudonym, keep one occurrence as it is), apply: the copy and the
 * mapping arrive as two separate files, and the copy opens as a project of its own.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDeidFixture } from '../../fixtures/deid';
import { readQdpx, writeQdpx } from '../../shared/formats/refi';
import { launchBrowser, newAppPage, pageErrors } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');

async function bytesOf(download: Download): Promise<Uint8Array> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('de-identifying a project', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
    page = await newAppPage(browser, baseUrl, { coder: 'Deid Tester' });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: /Open \.qdpx/ }).click();
    await (await chooser).setFiles({ name: 'recovery.qdpx', mimeType: 'application/zip', buffer: Buffer.from(writeQdpx(buildDeidFixture().project)) });
    await page.locator('.project-name').filter({ hasText: 'Recovery pathways' }).waitFor({ timeout: 30_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('finds, reviews, applies in a copy and opens it', async () => {
    await page.getByRole('tab', { name: /De-identify/ }).click();
    await page.getByRole('button', { name: 'Find identifiers' }).click();
    const list = page.getByRole('list', { name: 'Identifiers found' });
    await list.getByRole('listitem', { name: 'Marcus Bell' }).waitFor({ timeout: 60_000 });
    expect(await list.locator('.deid-new').count()).toBeGreaterThan(5);
    expect(await list.getByRole('listitem', { name: 'Marcus Bell' }).getByLabel('Pseudonym for Marcus Bell').inputValue()).toBe('[Participant 1]');

    // Keep "Dayton" as it is.
    await page.getByLabel('Replace Dayton').uncheck();
    // Rename Denise Whitlock's pseudonym.
    await page.getByLabel('Pseudonym for Denise Whitlock').fill('[Counsellor]');
    // Keep one occurrence of Tasha Greenfield as it is (the memo's), replace the others.
    await list.getByRole('listitem', { name: 'Tasha Greenfield' }).getByRole('button', { name: /hits/ }).click();
    await page.getByLabel(/Keep this Tasha Greenfield as it is \(Memo/).check();
    await page.screenshot({ path: path.join(shots, 'deid-review.png') });

    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByRole('button', { name: 'Apply and save the copy…' }).click();
    await page.getByRole('button', { name: 'Open the copy' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => downloads.length).toBe(2);
    expect(downloads.map((d) => d.suggestedFilename())).toEqual(['Recovery pathways (de-identified).qdpx', 'Recovery pathways - de-identification mapping.csv']);
    await page.screenshot({ path: path.join(shots, 'deid-applied.png') });

    const copy = readQdpx(await bytesOf(downloads[0]!), 'copy.qdpx').project;
    const text = copy.sources.map((s) => s.text).join('\n');
    expect(text).toContain('grew up in Dayton');
    expect(text).toContain('My counselor there, [Counsellor], she was real');
    expect(text).not.toMatch(/Marcus|Yolanda|Brennan|Tasha|555-0142/);
    expect(copy.memos.map((m) => m.body[0]!.type === 'paragraph' && m.body[0]!.children.map((c) => ('text' in c ? c.text : '')).join('')).join(' ')).toContain('Tasha Greenfield');
    expect(copy.settings.some((s) => s.id === 'deid.decisions')).toBe(false);
    const mapping = new TextDecoder().decode(await bytesOf(downloads[1]!));
    expect(mapping).toContain('Marcus Bell,[Participant 1],participant');
    expect(mapping).not.toContain('Dayton');

    // The decisions were saved in the original: finding again shows them decided, Dayton still kept.
    await page.getByRole('button', { name: 'Find again' }).click();
    // Before, every row was new (never reviewed); found again, none is.
    await expect.poll(() => list.locator('.deid-new').count(), { timeout: 60_000 }).toBe(0);
    expect(await page.getByLabel('Replace Dayton').isChecked()).toBe(false);
    expect(await page.getByLabel('Pseudonym for Denise Whitlock').inputValue()).toBe('[Counsellor]');

    await page.getByRole('button', { name: 'Open the copy' }).click();
    await page.locator('.project-name').filter({ hasText: 'Recovery pathways (de-identified)' }).waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: /Coding/ }).click();
    await page.locator('.transcript').getByText('[Participant 1]').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'deid-copy-open.png') });
    expect(pageErrors(page)).toEqual([]);
  }, 120_000);
});
