/**
 * The split dialog in Chromium (QA F34): each coding is shown with its speaker and its coder,
 * so two coders' codings of nearly the same words can be told apart before choosing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newAppPage, pageErrors } from './browser';

describe('split dialog', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newAppPage(browser, inject('baseUrl'), { coder: 'Riley Park' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('names the speaker and the coder of every coding it lists', async () => {
    await page.getByRole('tab', { name: /Codebook/ }).click();
    await page.getByRole('treeitem', { name: /^Personal resources/ }).click();
    await page.getByRole('button', { name: 'Split…' }).click();
    const dialog = page.getByRole('dialog', { name: "Split 'Personal resources'" });
    const rows = dialog.getByRole('checkbox');
    await rows.first().waitFor();
    const labels = await dialog.locator('li label').allTextContents();
    expect(labels.length).toBeGreaterThan(1);
    for (const label of labels) expect(label).toMatch(/^Interview \d+[^·]* · [^·]+ · coded by (Alex Rivera|Sam Chen)“/);
    // The glove-box passage, coded by both, appears once per coder, side by side.
    const glove = labels.filter((l) => l.includes('I keep bus passes in my glove box'));
    expect(glove.map((l) => /coded by ([^“]+)/.exec(l)![1]).sort()).toEqual(['Alex Rivera', 'Sam Chen']);
    expect(labels.indexOf(glove[1]!) - labels.indexOf(glove[0]!)).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });
});
