/**
 * A long transcript in Chromium: after the first paint the rest of its paragraphs arrive in
 * slices, one each frame. Words selected while they arrive stay selected, so the first
 * thing a reader codes after opening a long interview is what they chose.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newAppPage, pageErrors } from './browser';
import { selectText } from './workspace-helpers';

/** 4,000 short turns: about 65 slices after the first paint, a second or more of appending. */
const TURNS = 4000;
function longInterview(): string {
  const turns: string[] = [];
  for (let i = 1; i <= TURNS / 2; i++) {
    turns.push(`Interviewer: Question ${i}, what happened at the clinic on visit ${i}?`);
    turns.push(`Participant: Answer ${i}, they sent me to the shelter and the bed was gone by noon.`);
  }
  return turns.join('\n\n');
}

describe('long transcript', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newAppPage(browser, baseUrl, { coder: 'Long Reader' });
    await page.getByRole('tab', { name: /Documents/ }).click();
    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles([{ name: 'long-interview.txt', mimeType: 'text/plain', buffer: Buffer.from(longInterview()) }]);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('status', { name: 'Import result' }).getByText('Imported 1 source from 1 file.').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps words selected while the rest of the transcript is still arriving', async () => {
    await page.getByRole('tab', { name: /Coding/ }).click();
    const documents = page.getByRole('combobox', { name: 'Document' });
    await documents.waitFor();
    const other = await documents.evaluate((select) => [...(select as HTMLSelectElement).options].find((o) => o.text !== 'long-interview')!.value);
    // Each opening starts the slices again; select at once, several times, as a reader who knows where to look would.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await documents.selectOption(other);
      await documents.selectOption({ label: 'long-interview' });
      await page.locator('.transcript .t-text').filter({ hasText: 'Answer 3,' }).waitFor();
      await selectText(page, 'they sent me to the shelter', 'Answer 3,', { wait: false, click: false });
      expect(await page.locator('.transcript .t-block').count(), 'the transcript is still arriving').toBeLessThan(TURNS);
      await page.waitForTimeout(400);
      expect(await page.evaluate(() => String(document.getSelection())), `attempt ${attempt}`).toBe('they sent me to the shelter');
      await page.locator('.selection-quote').filter({ hasText: 'they sent me to the shelter' }).waitFor({ timeout: 2000 });
    }
    expect(pageErrors(page)).toEqual([]);
  });
});
