/**
 * File > Restore from backup… in the desktop app, with the shell's bridge (window.lantern)
 * faked in the page: the dialog lists the open project file's backups by date and size, and
 * the chosen one opens as the project through the normal open path, asking the shell for
 * nothing but to read it. In the browser, which keeps no file backups, the command is absent.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newAppPage, pageErrors } from './browser';
import { generatedQdpx } from './generated-study';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');
const PROJECT_PATH = '/home/r/study.qdpx';
const size = { sources: 2, turns: 6, codingsPerSource: 3 };

interface FakeShell {
  current: string;
  older: string;
  backups: { name: string; savedAt: string; size: number }[];
}

/** Installs a fake window.lantern before the app loads; calls are recorded in window.__calls. */
function fakeBridge(shell: FakeShell): void {
  const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const calls: [string, unknown][] = [];
  const menu: ((event: { command: string }) => void)[] = [];
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const w = window as unknown as Record<string, unknown>;
  w.__calls = calls;
  w.__menu = (command: string) => menu.forEach((listener) => listener({ command }));
  w.lantern = {
    openFiles: (request: unknown) => (calls.push(['openFiles', request]), ok([{ name: 'study.qdpx', path: '/home/r/study.qdpx', bytes: bytes(shell.current) }])),
    saveFile: (request: unknown) => (calls.push(['saveFile', request]), ok(null)),
    writeFile: (request: unknown) => (calls.push(['writeFile', request]), ok(null)),
    listBackups: (request: unknown) => (calls.push(['listBackups', request]), ok(shell.backups)),
    readBackup: (request: { name: string }) => (calls.push(['readBackup', request]), ok({ name: 'study.qdpx', bytes: bytes(shell.older) })),
    getVersion: () => ok('0.1.0'),
    takeOpenRequests: () => ok([]),
    onMenuCommand: (listener: (event: { command: string }) => void) => (menu.push(listener), () => undefined),
    onOpenRequested: () => () => undefined,
  };
}

async function desktopPage(browser: Browser, baseUrl: string, shell: FakeShell): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await context.addInitScript(fakeBridge, shell);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(baseUrl);
  await page.getByLabel('Your name').fill('Restore Tester');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('.transcript').waitFor({ timeout: 30_000 });
  return page;
}

describe('restoring a project from a backup', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the backups of the open project file and opens the chosen one without changing anything on disk', async () => {
    const shell: FakeShell = {
      current: generatedQdpx('Study as saved today', size, 11).toString('base64'),
      older: generatedQdpx('Study as it was on Monday', size, 12).toString('base64'),
      backups: [
        { name: '2026-03-20T14-03-12.000Z.qdpx', savedAt: '2026-03-20T14:03:12.000Z', size: 48_213 },
        { name: '2026-03-16T09-30-00.000Z.qdpx', savedAt: '2026-03-16T09:30:00.000Z', size: 2_400_000 },
      ],
    };
    const page = await desktopPage(browser, baseUrl, shell);
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: /Open \.qdpx/ }).click();
    await page.locator('.project-name').filter({ hasText: 'Study as saved today' }).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: 'Restore from backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.waitFor();
    const rows = dialog.getByRole('radio');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().isChecked()).toBe(true);
    const text = await dialog.textContent();
    expect(text).toContain('Earlier versions of study.qdpx');
    expect(text).toContain('47 KB');
    expect(text).toContain('2.3 MB');
    expect(text).toContain(new Date('2026-03-16T09:30:00.000Z').toLocaleString('en-US', { dateStyle: 'medium' }).split(',')[0]!);
    await page.screenshot({ path: path.join(shots, 'restore-backup-dialog.png') });

    await rows.nth(1).check();
    await dialog.getByRole('button', { name: 'Open this version' }).click();
    await page.locator('.project-name').filter({ hasText: 'Study as it was on Monday' }).waitFor({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: 'Opened the backup of study.qdpx' }).waitFor();

    const calls = await page.evaluate(() => (window as unknown as { __calls: [string, unknown][] }).__calls);
    expect(calls.map(([method]) => method)).toEqual(['openFiles', 'listBackups', 'readBackup']);
    expect(calls[1]![1]).toEqual({ path: PROJECT_PATH });
    expect(calls[2]![1]).toEqual({ path: PROJECT_PATH, name: '2026-03-16T09-30-00.000Z.qdpx' });

    // The restored copy is not tied to study.qdpx: Save asks where rather than overwriting it.
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: /^Save\b/ }).first().click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __calls: [string][] }).__calls.map(([m]) => m))).toContain('saveFile');
    expect(await page.evaluate(() => (window as unknown as { __calls: [string][] }).__calls.map(([m]) => m))).not.toContain('writeFile');

    // The desktop menu's command opens the same dialog, which says why this copy has no backups.
    await page.evaluate(() => (window as unknown as { __menu: (c: string) => void }).__menu('restoreBackup'));
    await dialog.getByText('has not been saved to a file yet').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(pageErrors(page)).toEqual([]);
  });

  it('is not offered in the browser, which keeps no file backups', async () => {
    const page = await newAppPage(browser, baseUrl);
    await page.getByRole('button', { name: 'File ▾' }).click();
    await page.getByRole('menuitem', { name: /Open \.qdpx/ }).waitFor();
    expect(await page.getByRole('menuitem', { name: /Restore from backup/ }).count()).toBe(0);
  });
});
