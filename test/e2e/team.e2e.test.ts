/**
 * The Team view in Chromium: import a second coder's project, resolve a conflict in the
 * preview, merge, read the agreement table and settle one disagreement as consensus.
 * The second coder is the demo's Sam Chen under another name and GUID, with the
 * transcripts renamed and two codes edited, so every expected figure comes from the demo.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDemoProject } from '../../fixtures/demo';
import type { CharComparison } from '../../shared/agreement';
import { compareCoders } from '../../shared/agreement';
import { writeQdpx } from '../../shared/formats/refi';
import { listDisagreements } from '../../shared/merge';
import type { Project } from '../../shared/model';
import { launchBrowser, newAppPage, pageErrors } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');
const demo = buildDemoProject();
const [alex, sam] = demo.coders as [Project['coders'][number], Project['coders'][number]];
const renamedCode = demo.codes[1]!;
const redefinedCode = demo.codes[2]!;
const JORDAN_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';

function jordanProject(): Project {
  return {
    ...demo,
    coders: [{ ...sam, id: JORDAN_ID, name: 'Jordan Lee' }],
    // The demo's memos travel with the file, as in a copy of the project: the merge must
    // recognise them in the app's stored rows (QA F12: each came back a second time).
    // A memo on one of Alex's codings has nothing to sit on in Jordan's file.
    memos: demo.memos.filter(({ target }) => target.kind !== 'coding' || demo.codings.some((c) => c.id === target.id && c.coderId === sam.id)),
    codings: demo.codings.filter((c) => c.coderId === sam.id).map((c) => ({ ...c, coderId: JORDAN_ID })),
    sources: demo.sources.map((s, i) => ({ ...s, name: `jordan-${i + 1}.docx` })),
    codes: demo.codes.map((c) =>
      c.id === renamedCode.id ? { ...c, name: `${c.name} issues` } : c.id === redefinedCode.id ? { ...c, definition: 'Jordan’s definition.' } : c,
    ),
  };
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

describe('team view', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), 'qda-e2e-team-'));
    writeFileSync(path.join(dir, 'jordan.qdpx'), writeQdpx(jordanProject()));
    browser = await launchBrowser();
    page = await newAppPage(browser, baseUrl, { coder: alex.name });
    await page.getByRole('tab', { name: /Team/ }).first().click();
    await page.getByRole('heading', { name: 'Team' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('previews a second coder’s project, takes their definition for one conflict, and merges in one step', async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /Import a coder’s project/ }).click()]);
    await chooser.setFiles(path.join(dir, 'jordan.qdpx'));
    const preview = page.getByRole('table', { name: 'Codebook merge preview' });
    await preview.waitFor();
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(2);
    expect(await preview.locator('tr', { hasText: `${renamedCode.name} issues` }).textContent()).toContain('renamed');
    expect(await preview.locator('tr', { hasText: redefinedCode.name }).textContent()).toContain('conflict');
    expect(await page.getByText('jordan-1.docx →').textContent()).toContain('(same text)');
    await page.getByLabel(new RegExp(`Decision for .*${redefinedCode.name}`)).selectOption('keep-b');
    await page.screenshot({ path: path.join(shots, 'team-merge-preview.png'), fullPage: true });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    const report = page.getByLabel('Merge report');
    await report.waitFor();
    const text = await report.textContent();
    expect(text).toContain('Jordan Lee -> Jordan Lee (added)');
    expect(text).toContain(`Added: 1 coder, ${jordanProject().codings.length} codings.`);
    expect(text).toContain('Updated: 1 code.');
    expect(text).toContain('Everything was placed.');
    expect(text).toMatch(new RegExp(`Already present: [^.]*\\b${jordanProject().memos.length} memos`));
    expect(text).not.toContain('the same memo, edited since');
    await expect.poll(() => page.locator('.status-bar').textContent()).toContain(`${demo.codings.length + jordanProject().codings.length} codings`);
    expect(await page.locator('.status-bar').textContent()).toContain("Undo: Merge 'jordan.qdpx'");
  });

  it('shows agreement with its counts, the same for Jordan as for Sam whose coding Jordan carries', async () => {
    await tab(page, 'Agreement').click();
    const expected = (compareCoders(demo, { coderIds: [alex.id, sam.id] }) as CharComparison).overall.pooled;
    const overall = page.getByRole('table', { name: 'Overall agreement' }).locator('tbody tr');
    const cells = async () => (await overall.locator('td').allTextContents()).slice(1, 7);
    const figures = [expected.kappa.toFixed(3), `${(expected.percentAgreement * 100).toFixed(1)}%`, ...[expected.both, expected.aOnly, expected.bOnly, expected.neither].map(String)];
    await expect.poll(cells).toEqual(figures);
    expect(await page.getByLabel('Agreement in words').textContent()).toContain(`pooled Cohen's kappa was ${expected.kappa.toFixed(2)}`);
    await page.getByLabel('Coder B').selectOption({ label: 'Jordan Lee' });
    await expect.poll(cells).toEqual(figures);
    await page.screenshot({ path: path.join(shots, 'team-agreement.png') });
    await page.getByLabel('Coder B').selectOption({ label: sam.name });
    // A code's name leads to its disagreements.
    const code = demo.codes.find((c) => c.codable)!;
    await page.getByRole('table', { name: 'Agreement per code' }).getByRole('button', { name: code.name, exact: true }).click();
    await expect.poll(() => tab(page, 'Disagreements').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('Code', { exact: true }).inputValue()).toBe(code.id);
    const forCode = listDisagreements(demo, { coderIds: [alex.id, sam.id], codeIds: [code.id] }).length;
    await expect.poll(() => page.locator('section.team-card').count()).toBe(forCode);
    await page.getByLabel('Code', { exact: true }).selectOption('');
  });

  it('lists disagreements side by side and records a consensus decision, undoable', async () => {
    await tab(page, 'Disagreements').click();
    const open = listDisagreements(demo, { coderIds: [alex.id, sam.id] }).length;
    await expect.poll(() => page.getByText(/\d+ open, \d+ resolved/).textContent()).toBe(`${open} open, 0 resolved`);
    const card = page.locator('section.team-card').filter({ has: page.getByRole('button', { name: 'Keep B', exact: true, disabled: false }) }).first();
    const title = await card.getAttribute('aria-label');
    await card.getByRole('button', { name: 'Keep B', exact: true }).click();
    await expect.poll(() => page.getByText(/\d+ open, \d+ resolved/).textContent()).toBe(`${open - 1} open, 1 resolved`);
    expect(await page.locator('.status-bar').textContent()).toContain('Undo: Resolve disagreement (keep second coder)');
    await page.screenshot({ path: path.join(shots, 'team-disagreements.png') });
    // Undo takes the decision back.
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+z' : 'Control+z');
    await expect.poll(() => page.getByText(/\d+ open, \d+ resolved/).textContent()).toBe(`${open} open, 0 resolved`);
    // Show in text opens the transcript at the disagreement.
    await page.getByRole('region', { name: title! }).getByRole('button', { name: 'Show in text' }).click();
    await page.locator('.transcript').waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
