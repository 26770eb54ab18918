/**
 * A participant withdraws, in Chromium: delete their case permanently from the Documents
 * view, confirm once, and then neither undo nor a reload brings the text back, and no
 * IndexedDB database of the app holds a sentence of it. Then delete projects from this
 * computer: the next project shows, and after the last one the start screen.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newAppPage, pageErrors } from './browser';
import { mod, selectText } from './workspace-helpers';

/** The ⋯ button of a document's row (its label does not repeat the name, which links to the document). */
const actions = (page: Page, name: string | RegExp) => page.getByRole('row', { name }).getByRole('button', { name: 'Document actions' });

/** Sentences only Interview 01 (case P01) holds. */
const P01 = ['Detox is the big one.', 'I keep bus passes in my glove box.', 'simply no bed', 'I call the case manager line from the car.'];

const shots = process.env.LANTERN_SHOTS ?? path.join(tmpdir(), 'lantern-shots');
mkdirSync(shots, { recursive: true });

/** Every row of every store of every Lantern database in this browser profile, as JSON. */
function everythingStored(page: Page): Promise<{ names: string[]; json: string }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name!).filter((n) => n.startsWith('lantern'));
    const parts: string[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        parts.push(JSON.stringify(rows));
      }
      db.close();
    }
    return { names: names.sort(), json: parts.join('\n') };
  });
}

const leaked = (json: string) => P01.filter((s) => json.includes(s));

describe('permanent deletion in the app', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newAppPage(browser, inject('baseUrl'), { coder: 'Jordan Ellis' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('deletes a case with its document for good: undo and a reload do not bring it back', async () => {
    // An undoable step that stays (a rename), then one holding P01's words: an in-vivo code named from them.
    await page.getByRole('button', { name: /^Project / }).click();
    await page.getByLabel('Project name').fill('LEAD evaluation (withdrawal)');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Project LEAD evaluation \(withdrawal\)/ }).waitFor();
    await selectText(page, 'simply no bed');
    await page.keyboard.press(`${mod}+Shift+V`);
    await page.getByRole('treeitem', { name: /“simply no bed”/ }).waitFor();
    await page.waitForFunction(() => !/Storing/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''));
    expect(leaked((await everythingStored(page)).json)).toEqual(P01);

    await page.getByRole('tab', { name: /Documents/ }).click();
    await actions(page, /Interview 01 - Officer, Site A/).click();
    await page.getByRole('menuitem', { name: 'Delete case ‘P01’ permanently…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete case ‘P01’ permanently' });
    const confirm = dialog.getByRole('button', { name: 'Delete permanently' });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('cannot be undone');
    expect(text).toMatch(/1 document \([\d,]+ words\): ‘Interview 01 - Officer, Site A’/);
    expect(text).toMatch(/\d+ codings, exemplar quotes included/);
    expect(text).toContain('1 in-vivo code named with its words: “simply no bed”');
    expect(text).toMatch(/Undo history: [1-9]\d* (entry|entries) rewritten or removed/);
    expect(text).toContain('Backups: none on this computer (the web version keeps no backups).');
    await page.screenshot({ path: path.join(shots, 'withdraw-case-dialog.png') });

    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => actions(page, /Interview 01 - Officer, Site A/).count()).toBe(0);
    await page.waitForFunction(() => !/Storing/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''));
    expect(leaked((await everythingStored(page)).json)).toEqual([]);

    // Undo everything there is to undo: the document does not come back.
    const undo = page.getByRole('button', { name: /^Undo/ });
    let undone = 0;
    for (; undone < 20 && (await undo.isEnabled()); undone++) await undo.click();
    expect(undone).toBe(1);
    await page.getByRole('button', { name: /^Project LEAD evaluation \(demo\)/ }).waitFor();
    expect(await undo.isEnabled()).toBe(false);
    await page.waitForFunction(() => !/Storing/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''));
    expect(await actions(page, /Interview 01/).count()).toBe(0);
    expect(await actions(page, /Interview 02/).count()).toBe(1);
    expect(leaked((await everythingStored(page)).json)).toEqual([]);

    await page.reload();
    await page.locator('.top-bar').waitFor();
    await page.getByRole('tab', { name: /Documents/ }).click();
    await actions(page, /Interview 02/).waitFor();
    expect(await actions(page, /Interview 01/).count()).toBe(0);
    expect(leaked((await everythingStored(page)).json)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('deletes projects from this computer: the next one shows, then the start screen', async () => {
    await page.getByRole('button', { name: /^File/ }).click();
    await page.getByRole('menuitem', { name: 'New project' }).click();
    await page.getByRole('button', { name: /^Project Untitled project/ }).waitFor();
    await page.getByRole('button', { name: /^File/ }).click();
    await page.getByRole('menuitem', { name: 'Open the demo project' }).click();
    const demoName = page.getByRole('button', { name: /^Project (?!Untitled)/ });
    await demoName.waitFor();
    const name = ((await demoName.textContent()) ?? '').trim();
    const before = await everythingStored(page);
    expect(before.names.filter((n) => n.startsWith('lantern-project-'))).toHaveLength(2);

    await page.getByRole('button', { name: /^File/ }).click();
    await page.getByRole('menuitem', { name: 'Delete project from this computer…' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ‘${name}’ from this computer` });
    const confirm = dialog.getByRole('button', { name: 'Delete from this computer' });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    expect(await dialog.textContent()).toContain('Backups: none (the web version keeps no backups)');
    await page.screenshot({ path: path.join(shots, 'delete-project-dialog.png') });
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Project Untitled project/ }).waitFor();
    const after = await everythingStored(page);
    expect(after.names.filter((n) => n.startsWith('lantern-project-'))).toHaveLength(1);
    expect(after.json).not.toContain(name);
    expect(after.json).not.toContain('glove box');

    await page.getByRole('button', { name: /^File/ }).click();
    await page.getByRole('menuitem', { name: 'Delete project from this computer…' }).click();
    await page.getByRole('dialog', { name: 'Delete ‘Untitled project’ from this computer' }).getByRole('button', { name: 'Delete from this computer' }).click();
    await page.getByText('No project is open.').waitFor();
    expect((await everythingStored(page)).names.filter((n) => n.startsWith('lantern-project-'))).toEqual([]);
    // And the app carries on: a new project opens.
    await page.getByRole('button', { name: /^File/ }).click();
    await page.getByRole('menuitem', { name: 'New project' }).click();
    await page.getByRole('button', { name: /^Project Untitled project/ }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('on the desktop, counts and rewrites the backups through the shell', async () => {
    // A stand-in for the preload's window.lantern: two backups hold the document.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(() => {
      const calls: unknown[] = [];
      const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
      const outcome = { files: ['Study-1a2b/2026-12-01T10-00-00.000Z.qdpx', 'Study-1a2b/2026-12-02T09-30-00.000Z.qdpx'], unreadable: [] };
      (window as unknown as { backupCalls: unknown[] }).backupCalls = calls;
      (window as unknown as { lantern: unknown }).lantern = {
        openFiles: () => ok([]),
        saveFile: () => ok('/home/researcher/study.qdpx'),
        writeFile: () => ok(null),
        getVersion: () => ok('0.0.0'),
        takeOpenRequests: () => ok([]),
        withdrawFromBackups: (request: unknown) => (calls.push(request), ok(outcome)),
        deleteProjectBackups: (request: unknown) => (calls.push(request), ok({ files: [], unreadable: [] })),
        onMenuCommand: () => () => {},
        onOpenRequested: () => () => {},
      };
    });
    const desktop = await context.newPage();
    const errors: string[] = [];
    desktop.on('pageerror', (e) => errors.push(e.message));
    await desktop.goto(inject('baseUrl'));
    await desktop.getByLabel('Your name').fill('Jordan Ellis');
    await desktop.getByRole('button', { name: 'Start' }).click();
    await desktop.locator('.transcript').waitFor({ timeout: 30_000 });
    await desktop.getByRole('tab', { name: /Documents/ }).click();
    await actions(desktop, /Interview 03 - Prosecutor, Site B/).click();
    await desktop.getByRole('menuitem', { name: 'Delete document permanently…' }).click();
    const dialog = desktop.getByRole('dialog', { name: 'Delete ‘Interview 03 - Prosecutor, Site B’ permanently' });
    const confirm = dialog.getByRole('button', { name: 'Delete permanently' });
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    expect(await dialog.textContent()).toContain('Backups on this computer: 2 backups will be rewritten without it.');
    expect(await dialog.textContent()).toContain('The case ‘P03’ (delete the case to remove it)');
    await desktop.screenshot({ path: path.join(shots, 'withdraw-source-dialog-desktop.png') });
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await desktop.getByText(/Deleted permanently: 1 document, .* 2 backups rewritten\./).waitFor();
    const calls = (await desktop.evaluate(() => (window as unknown as { backupCalls: unknown[] }).backupCalls)) as {
      sourceIds: string[];
      caseIds: string[];
      textHashes: string[];
      dryRun: boolean;
    }[];
    expect(calls.map((c) => c.dryRun)).toEqual([true, false]);
    // Saving replaces the project file, whose old version becomes a backup: it is scrubbed too.
    await desktop.keyboard.press(`${mod}+S`);
    const backupCalls = async () => (await desktop.evaluate(() => (window as unknown as { backupCalls: unknown[] }).backupCalls)) as typeof calls;
    await expect.poll(async () => (await backupCalls()).length).toBe(3);
    await desktop.getByText('Saved to file').waitFor();
    const afterSave = await backupCalls();
    expect(afterSave.map((c) => c.dryRun)).toEqual([true, false, false]);
    expect(afterSave[2]!.sourceIds).toEqual(calls[1]!.sourceIds);
    expect(calls[1]!.sourceIds).toHaveLength(1);
    expect(calls[1]!.caseIds).toEqual([]);
    expect(calls[1]!.textHashes).toEqual([expect.stringMatching(/^[0-9a-f]{14}-[0-9a-f]+$/)]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
