/**
 * The rest of the coding workspace in Chromium: code a whole turn, a code's own key,
 * drag from the codebook, remove a code from a span, nudge a boundary; then the codebook:
 * merge with undo, delete with its preview, import a CSV codebook, and a memo that is
 * saved as it is typed and survives a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newAppPage, pageErrors } from './browser';
import { codingCount, mod, selectText } from './workspace-helpers';

describe('coding workspace: turns, keys, drag, boundaries and the codebook', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  const countIs = (n: number) =>
    page.waitForFunction((n) => {
      const m = /(\d+) codings/.exec(document.querySelector('.transcript-toolbar')?.textContent ?? '');
      return m && Number(m[1]) === n;
    }, n);

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newAppPage(browser, baseUrl, { coder: 'Riley Park' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('codes a whole speaker turn with T and the palette', async () => {
    const before = await codingCount(page);
    await selectText(page, 'worth more than any ticket');
    await page.keyboard.press('t');
    await page.getByRole('combobox', { name: /whole turn by Officer/ }).fill('trust in');
    await page.keyboard.press('Enter');
    await countIs(before + 1);
    const card = page.locator('.coding-card').filter({ hasText: 'Trust in staff' }).filter({ hasText: 'Riley Park' });
    expect(await card.locator('.quote').textContent()).toMatch(/^“Honestly, I keep bus passes in my glove box\./);
  });

  it('applies a code by its own key and by dragging it from the codebook', async () => {
    await page.getByRole('tab', { name: /Codebook/ }).click();
    await page.getByRole('treeitem', { name: /^Transportation/ }).click();
    const key = page.getByLabel('Shortcut key that applies this code to the selection');
    await key.fill('7');
    await key.press('Tab');
    await page.getByRole('treeitem', { name: /^Transportation.*key 7/ }).waitFor();
    await page.getByRole('tab', { name: /Coding/ }).click();
    await page.locator('.transcript').waitFor();

    const before = await codingCount(page);
    await selectText(page, 'Has the program changed how you think about arrests?');
    await page.keyboard.press('7');
    await countIs(before + 1);
    expect(await page.locator('.coding-card').filter({ hasText: 'Transportation' }).count()).toBe(1);

    await selectText(page, 'I would rather spend twenty minutes on a referral');
    await page.getByRole('treeitem', { name: /^Waitlists/ }).dragTo(page.locator('.transcript .t-text').filter({ hasText: 'twenty minutes' }));
    await countIs(before + 2);
    expect(await page.locator('.coding-card').filter({ hasText: 'Waitlists' }).filter({ hasText: 'Riley Park' }).count()).toBe(1);
  });

  it('a key pressed right after selecting codes the words just selected, not the previous selection', async () => {
    const before = await codingCount(page);
    await selectText(page, 'How often does the warm handoff actually happen?');
    await selectText(page, 'What gets in the way of the services', undefined, { wait: false });
    await page.keyboard.press('7');
    await countIs(before + 1);
    await page.locator('.coding-card').filter({ hasText: 'Transportation' }).filter({ hasText: 'What gets in the way' }).waitFor();
    expect(await page.locator('.coding-card').filter({ hasText: 'How often does the warm handoff' }).count()).toBe(0);
    await page.keyboard.press(`${mod}+z`);
    await countIs(before);
  });

  it('removes a code from the selected words and nudges a coding’s end', async () => {
    const before = await codingCount(page);
    await selectText(page, 'I would rather spend twenty minutes on a referral');
    await page.getByRole('button', { name: 'Remove Waitlists from the selection' }).click();
    await countIs(before - 1);

    await selectText(page, 'Has the program changed');
    const card = page.locator('.coding-card').filter({ hasText: 'Transportation' });
    expect(await card.locator('.quote').textContent()).toBe('“Has the program changed how you think about arrests?”');
    await card.getByRole('button', { name: 'End one word earlier' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.coding-card .quote')].some((q) => q.textContent === '“Has the program changed how you think about”'),
    );
  });

  it('merges two codes in one undoable step', async () => {
    await page.getByRole('tab', { name: /Codebook/ }).click();
    await page.getByRole('treeitem', { name: /^Informal coordination/ }).click();
    await page.getByRole('button', { name: 'Merge into…' }).click();
    await page.getByRole('dialog').locator('select').selectOption({ label: 'Program processes / Warm handoff' });
    await page.getByRole('dialog').getByRole('button', { name: 'Merge' }).click();
    await page.getByRole('treeitem', { name: /^Informal coordination/ }).waitFor({ state: 'detached' });
    expect(await page.getByRole('treeitem', { name: /^Warm handoff, 4 codings/ }).count()).toBe(1);
    await page.locator('body').press(`${mod}+Z`);
    await page.getByRole('treeitem', { name: /^Informal coordination, 2 codings/ }).waitFor();
    expect(await page.getByRole('treeitem', { name: /^Warm handoff, 2 codings/ }).count()).toBe(1);
  });

  it('shows what a delete removes before deleting', async () => {
    await page.getByRole('treeitem', { name: /^Reduced arrests/ }).click();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('This removes the code and 3 codings');
    expect(await dialog.locator('li').count()).toBe(3);
    await dialog.getByRole('button', { name: 'Delete code and 3 codings' }).click();
    await page.getByRole('treeitem', { name: /^Reduced arrests/ }).waitFor({ state: 'detached' });
  });

  it('moves codes in the tree by keyboard and by drag', async () => {
    const trust = page.getByRole('treeitem', { name: /^Trust in staff/ });
    await trust.click();
    await trust.press('Alt+ArrowRight');
    await page.waitForFunction(() => document.querySelector('[role=treeitem][aria-label^="Trust in staff"]')?.getAttribute('aria-level') === '2');
    await page.getByRole('treeitem', { name: /^Trust in staff/ }).press('Alt+ArrowLeft');
    await page.waitForFunction(() => document.querySelector('[role=treeitem][aria-label^="Trust in staff"]')?.getAttribute('aria-level') === '1');
    // Dropped on the middle of a row, a code becomes its child.
    await page.getByRole('treeitem', { name: /^Trust in staff/ }).dragTo(page.getByRole('treeitem', { name: /^Staff workarounds/ }));
    await page.waitForFunction(() => document.querySelector('[role=treeitem][aria-label^="Trust in staff"]')?.getAttribute('aria-level') === '2');
    expect(await page.locator('.page-header').textContent()).toContain('in Staff workarounds');
  });

  it('imports a deductive codebook from CSV after coding has started', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    const csv = 'name,parent,definition\nCourt involvement,,Any mention of court dates\nWaitlists,Barriers to services,Should not replace the existing definition\n';
    // The differing definition is a conflict the researcher decides on (QA F9); here: keep ours.
    await (await chooser).setFiles({ name: 'deductive.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const question = page.getByRole('alertdialog', { name: 'deductive.csv: 1 field(s) differ from the codebook' });
    await question.waitFor();
    expect(await question.textContent()).toContain("row 3: 'Waitlists' definition is");
    await question.getByRole('button', { name: 'Keep the codebook’s text' }).click();
    await page.getByRole('treeitem', { name: /^Court involvement/ }).waitFor();
    const report = page.getByRole('status').filter({ hasText: 'deductive.csv: 1 codes created, 0 updated; 1 differing field(s) kept as they were' });
    await report.waitFor();
    expect(await report.textContent()).toContain('“Should not replace the existing definition” in the file');
    await page.getByRole('treeitem', { name: /^Waitlists, 5 codings/ }).click();
    expect(await page.getByLabel('Definition').inputValue()).not.toContain('Should not replace');
  });

  it('says so when a code search finds nothing, instead of an empty tree (QA F28)', async () => {
    await page.getByRole('tab', { name: /Codebook/ }).click();
    const search = page.getByRole('searchbox', { name: 'Search codes' });
    await search.fill('zzzz');
    await page.getByRole('status').filter({ hasText: 'No code matches “zzzz”' }).waitFor();
    await search.fill('');
    await page.getByRole('treeitem', { name: /^Waitlists/ }).waitFor();
  });

  it('filters documents by attribute and shows one coder’s codings', async () => {
    await page.getByRole('tab', { name: /Documents/ }).click();
    await page.getByLabel('Filter by attribute').selectOption({ label: 'Site' });
    await page.getByLabel('Site value').selectOption('Site B');
    expect(await page.locator('table.grid tbody tr').count()).toBe(4);
    expect(await page.locator('table.grid tbody').textContent()).not.toContain('Site A');
    await page.getByRole('button', { name: 'Interview 07 - Participant, Site B' }).click();
    expect(await page.getByRole('combobox', { name: 'Document' }).inputValue()).toBeTruthy();
    expect(await page.getByRole('combobox', { name: 'Document' }).locator('option:checked').textContent()).toBe('Interview 07 - Participant, Site B');
    const all = await codingCount(page);
    await page.getByLabel('Show codings of').selectOption({ label: 'Sam Chen' });
    const sams = await codingCount(page);
    expect(sams).toBeGreaterThan(0);
    expect(sams).toBeLessThan(all);
    await page.locator('.stripe').first().click();
    expect(await page.locator('.coding-card.active').textContent()).toContain('by Sam Chen');
    await page.getByLabel('Show codings of').selectOption({ label: 'all coders' });
  });

  it('saves a memo as it is typed, and keeps it across a reload', async () => {
    await page.getByRole('tab', { name: /Codebook/ }).click();
    await page.getByRole('treeitem', { name: /^Court involvement/ }).click();
    await page.getByRole('button', { name: '+ Write a memo on this code' }).click();
    const editor = page.getByRole('textbox', { name: 'Memo on the code Court involvement' });
    await editor.click();
    await page.keyboard.type('Only partners mention court; ');
    await page.keyboard.press(`${mod}+B`);
    await page.keyboard.type('check participants');
    await page.waitForTimeout(900);
    await page.reload();
    await page.getByRole('tab', { name: /Memos/ }).click();
    await page.getByLabel('Search memos').fill('check participants');
    await page.getByRole('list', { name: 'Memos' }).getByRole('button', { name: /Court involvement/ }).click();
    const reopened = page.getByRole('textbox', { name: /^Memo:/ });
    expect(await reopened.textContent()).toBe('Only partners mention court; check participants');
    expect(await reopened.locator('strong').textContent()).toBe('check participants');
    expect(pageErrors(page)).toEqual([]);
  });

  it('starts a new, empty project with clear empty states', async () => {
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: 'New project' }).click();
    await page.locator('.project-name').filter({ hasText: 'Untitled project' }).waitFor();
    await page.getByRole('tab', { name: /Coding/ }).click();
    await page.locator('.view .empty').filter({ hasText: 'No documents in this project' }).waitFor();
    await page.getByRole('tab', { name: /Codebook/ }).click();
    await page.locator('.empty').filter({ hasText: 'No codes yet' }).waitFor();
    // The demo is still in the catalog and opens again from Recent projects.
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: /Recent projects/ }).click();
    await page.getByRole('menuitem', { name: /LEAD evaluation \(demo\)/ }).click();
    await page.locator('.project-name').filter({ hasText: 'LEAD evaluation (demo)' }).waitFor();
  });
});
