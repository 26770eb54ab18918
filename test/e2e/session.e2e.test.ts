/**
 * The session keeps what the user did: text typed in a memo a moment before switching
 * project is stored; a working copy with unsaved changes is never replaced by a file without
 * asking; and when the last project cannot be opened at start the app says which and why,
 * with Try again, Export what can be read and Open a backup, instead of showing the demo.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newAppPage, pageErrors } from './browser';
import { mod } from './workspace-helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');

async function projectName(page: Page): Promise<string> {
  return (await page.locator('.project-name').textContent())!.trim();
}

async function openFileByMenu(page: Page, file: { name: string; buffer: Buffer } | string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File ▾' }).click();
  await page.getByRole('menuitem', { name: /Open \.qdpx/ }).click();
  await (await chooser).setFiles(typeof file === 'string' ? file : { ...file, mimeType: 'application/zip' });
}

/** The open project's IndexedDB name (the app's session keeps it as the last project). */
function projectDbName(page: Page): Promise<string> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name!).find((n) => n.startsWith('lantern-project-'))!);
}

describe('session', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('stores memo text typed just before switching project', async () => {
    // The desktop shell's bridge, stood in for: its menu sends commands without taking the
    // focus from the editor (a click on the page's own menu would blur it, which saves).
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(() => {
      const listeners: ((event: { command: string }) => void)[] = [];
      const ok = <T,>(value: T) => Promise.resolve({ ok: true, value });
      (window as unknown as Record<string, unknown>).__menu = (command: string) => listeners.forEach((l) => l({ command }));
      (window as unknown as Record<string, unknown>).lantern = {
        openFiles: () => ok([]),
        saveFile: () => ok(null),
        writeFile: () => ok(undefined),
        getVersion: () => ok('test'),
        takeOpenRequests: () => ok([]),
        onMenuCommand: (l: (event: { command: string }) => void) => (listeners.push(l), () => undefined),
        onOpenRequested: () => () => undefined,
      };
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByLabel('Your name').fill('Flush Tester');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('.transcript').waitFor({ timeout: 30_000 });
    const demo = await projectName(page);

    await page.getByRole('tab', { name: /Memos/ }).click();
    await page.getByRole('list', { name: 'Memos' }).getByRole('button').first().click();
    await page.getByRole('textbox', { name: /^Memo:/ }).click();
    await page.keyboard.press('End');
    // Each key restarts the editor's half-second debounce, so nothing is stored while typing;
    // within 100 ms of the last key the desktop menu's New project switches away.
    await page.keyboard.type(' Typed just before switching.');
    const started = Date.now();
    await page.evaluate(() => (window as unknown as { __menu: (c: string) => void }).__menu('new'));
    expect(Date.now() - started).toBeLessThan(100);
    await page.locator('.project-name').filter({ hasText: 'Untitled project' }).waitFor();

    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: 'Open the demo project' }).click();
    await page.locator('.project-name').filter({ hasText: demo }).waitFor();
    await page.getByRole('tab', { name: /Memos/ }).click();
    await page.getByRole('list', { name: 'Memos' }).getByRole('button').first().click();
    await expect.poll(() => page.getByRole('textbox', { name: /^Memo:/ }).textContent()).toContain('Typed just before switching.');
    await context.close();
  });

  it('keeps memo text typed just before a reload: the page stays until it is stored', async () => {
    const page = await newAppPage(browser, baseUrl, { coder: 'Reload Tester' });
    await page.getByRole('tab', { name: /Memos/ }).click();
    await page.getByRole('list', { name: 'Memos' }).getByRole('button').first().click();
    await page.getByRole('textbox', { name: /^Memo:/ }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Typed just before reloading.');
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.type();
      void d.dismiss();
    });
    // Reload at once: the guard hands the memo to the store and keeps the page ("Stay").
    await page.reload({ timeout: 3000 }).catch(() => undefined);
    expect(asked).toBe('beforeunload');
    await page.waitForFunction(() => !/Storing/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''));
    await page.reload();
    await page.getByRole('tab', { name: /Memos/ }).click();
    await page.getByRole('list', { name: 'Memos' }).getByRole('button').first().click();
    await expect.poll(() => page.getByRole('textbox', { name: /^Memo:/ }).textContent()).toContain('Typed just before reloading.');
    await page.context().close();
  });

  it('asks before a file replaces a working copy with unsaved changes, and does what the answer says', async () => {
    const page = await newAppPage(browser, baseUrl, { coder: 'Copy Keeper' });
    const demo = await projectName(page);
    const download = page.waitForEvent('download');
    await page.keyboard.press(`${mod}+S`);
    const saved = path.join(mkdtempSync(path.join(tmpdir(), 'lantern-session-')), `${demo}.qdpx`);
    await (await download).saveAs(saved);
    await page.locator('[data-testid="save-state"]').filter({ hasText: 'Saved to file' }).waitFor();

    // A change after saving: the copy here is now newer than the file.
    await page.getByRole('button', { name: /^Project .*; rename$/ }).click();
    await page.getByLabel('Project name').fill('Renamed here');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="save-state"]').filter({ hasText: 'not saved to a file' }).waitFor();

    await openFileByMenu(page, saved);
    const question = page.getByRole('alertdialog', { name: "Keep which copy of 'Renamed here'?" });
    await question.waitFor();
    expect(await question.textContent()).toContain(`has changes that are not saved to a file, so ${demo}.qdpx does not have them`);
    // The answer that keeps work has the focus, so Enter cannot lose it.
    expect(await question.getByRole('button', { name: 'Keep the copy on this computer' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await page.screenshot({ path: path.join(shots, 'keep-which-copy.png') });
    await question.getByRole('button', { name: 'Keep the copy on this computer' }).click();
    await question.waitFor({ state: 'detached' });
    await page.locator('.project-name').filter({ hasText: 'Renamed here' }).waitFor();
    expect(await page.locator('[data-testid="save-state"]').textContent()).toContain('not saved to a file');

    await openFileByMenu(page, saved);
    await question.waitFor();
    await question.getByRole('button', { name: /^Replace with / }).click();
    await page.locator('.project-name').filter({ hasText: demo }).waitFor();
    await page.locator('[data-testid="save-state"]').filter({ hasText: 'Saved to file' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('names the project and the error when the last project cannot be opened, and Try again opens it once it can', async () => {
    const page = await newAppPage(browser, baseUrl, { coder: 'Broken Storage' });
    const demo = await projectName(page);
    const dbName = await projectDbName(page);
    await page.waitForFunction(() => !/Storing/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''));
    // Damage: the project row goes missing (kept here to put back).
    const meta = await page.evaluate(
      (name) =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            const all = tx.objectStore('meta').getAll();
            all.onsuccess = () => tx.objectStore('meta').clear();
            tx.oncomplete = () => {
              open.result.close();
              resolve(all.result[0]);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      dbName,
    );
    await page.reload();
    const failure = page.getByRole('alert').filter({ hasText: `Could not open ‘${demo}’` });
    await failure.waitFor();
    expect(await failure.textContent()).toContain('its project row could not be read');
    // Not the demo or any other project in its place.
    expect(await page.locator('.transcript').count()).toBe(0);
    expect(await page.locator('.project-name').count()).toBe(0);

    await failure.getByRole('button', { name: 'Try again' }).click();
    await failure.getByText('Tried again once; it still fails.').waitFor();

    await page.evaluate(
      ({ name, row }) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put(row);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      { name: dbName, row: meta },
    );
    await failure.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.transcript').waitFor();
    expect(await projectName(page)).toBe(demo);
    await page.context().close();
  });

  it('refuses a project stored by a newer version, by name, and exports what can be read', async () => {
    const page = await newAppPage(browser, baseUrl, { coder: 'Time Traveller' });
    const demo = await projectName(page);
    const dbName = await projectDbName(page);
    await page.waitForFunction(() => !/Storing/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''));
    // A later Lantern upgraded the database (Dexie closes this page's connection when asked).
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name, 990);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
      dbName,
    );
    await page.reload();
    const failure = page.getByRole('alert').filter({ hasText: `Could not open ‘${demo}’` });
    await failure.waitFor();
    expect(await failure.textContent()).toContain('was stored by a newer version of Lantern (storage version 99');
    expect(await page.locator('.transcript').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'open-failure.png') });

    const download = page.waitForEvent('download');
    await failure.getByRole('button', { name: 'Export what can be read…' }).click();
    expect((await download).suggestedFilename()).toBe(`${demo} (rescued).qdpx`);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
