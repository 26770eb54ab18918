/**
 * Every command with a shortcut works by its key in the browser (web mode has no native
 * menu, so these keys are all it has), and the shortcuts help lists every one of them.
 * The checks are keyed by command id and must cover the whole declared list, so a new
 * command with a key cannot arrive without one here.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keysOf, transcriptKeys } from '../../shared/commands';
import { formatAccelerator } from '../../shared/keys';
import { allCommands, type CommandId } from '../../renderer/src/app/command-list';
import { views } from '../../renderer/src/app/views';
import { launchBrowser, newAppPage, pageErrors } from './browser';
import { codingCount, mod, selectText } from './workspace-helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');
const mac = process.platform === 'darwin';

/** Playwright's spelling of an accelerator: 'CmdOrCtrl+Shift+S' -> 'Control+Shift+S'. */
const keysFor = (accelerator: string) => accelerator.replace('CmdOrCtrl', mod);
const shortcutOf = (id: CommandId) => allCommands.find((c) => c.id === id)!.shortcut!;

describe('commands by key in the browser', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  const press = (id: CommandId) => page.keyboard.press(keysFor(shortcutOf(id)));
  const selectedView = () => page.locator('.nav-item[aria-selected="true"] .nav-label').textContent();
  const toast = (text: string | RegExp) => page.locator('.toast').filter({ hasText: text }).first().waitFor();
  const focusTranscript = () => page.locator('.transcript .t-text').first().click();
  const backToCoding = async () => {
    await page.keyboard.press('Alt+1');
    await page.locator('.transcript').waitFor();
  };

  /** One check per command with a key: press it from a plain state, see its effect, tidy up. */
  const checks: Partial<Record<CommandId, () => Promise<void>>> = {
    ...Object.fromEntries(
      views.map((v) => [
        `view:${v.id}`,
        async () => {
          // From another view, so the key has something to change.
          await page.getByRole('tab', { name: views.find((o) => o.id !== v.id)!.label }).click();
          await press(`view:${v.id}`);
          expect(await selectedView()).toBe(v.label);
          await backToCoding();
        },
      ]),
    ),
    save: async () => {
      await focusTranscript();
      const download = page.waitForEvent('download');
      await press('save');
      expect((await download).suggestedFilename()).toBe('LEAD evaluation (demo).qdpx');
      // The same feedback as the menu's Save.
      await toast('Saved LEAD evaluation (demo).qdpx');
    },
    saveAs: async () => {
      const download = page.waitForEvent('download');
      await press('saveAs');
      expect((await download).suggestedFilename()).toMatch(/\.qdpx$/);
      await toast(/^Saved /);
    },
    open: async () => {
      const chooser = page.waitForEvent('filechooser');
      await press('open');
      expect((await chooser).isMultiple()).toBe(false);
      await (await chooser).setFiles([]);
    },
    importTranscripts: async () => {
      // In a text field Ctrl/Cmd+I is the field's (italic in a memo), not Import.
      await page.getByRole('searchbox', { name: 'Search codes' }).focus();
      await press('importTranscripts');
      expect(await page.getByRole('dialog', { name: 'Import transcripts' }).count()).toBe(0);
      expect(await selectedView()).toBe('Coding');
      await focusTranscript();
      await press('importTranscripts');
      await page.getByRole('dialog', { name: 'Import transcripts' }).waitFor();
      expect(await selectedView()).toBe('Documents');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Import transcripts' }).waitFor({ state: 'detached' });
      await backToCoding();
    },
    export: async () => {
      await press('export');
      expect(await selectedView()).toBe('Report');
      await backToCoding();
    },
    codePalette: async () => {
      await selectText(page, 'Detox is the big one.');
      await press('codePalette');
      await page.getByRole('dialog', { name: /Apply a code to “Detox is the big one.”/ }).waitFor();
      await page.keyboard.press('Escape');
    },
    undo: async () => {
      const before = await codingCount(page);
      await selectText(page, 'Detox is the big one.');
      await page.keyboard.press('c');
      await page.keyboard.press('Enter');
      await expect.poll(() => codingCount(page)).toBe(before + 1);
      await press('undo');
      await expect.poll(() => codingCount(page)).toBe(before);
      // In a text field the key is the field's own undo, not the project's.
      await press('redo');
      await expect.poll(() => codingCount(page)).toBe(before + 1);
      const search = page.getByRole('searchbox', { name: 'Search codes' });
      await search.fill('');
      await search.pressSequentially('abc');
      await press('undo');
      expect(await codingCount(page)).toBe(before + 1);
      await search.fill('');
      await focusTranscript();
    },
    redo: async () => {
      const top = await codingCount(page);
      for (const key of keysOf(allCommands.find((c) => c.id === 'redo')!)) {
        await press('undo');
        await expect.poll(() => codingCount(page)).toBe(top - 1);
        await page.keyboard.press(keysFor(key));
        await expect.poll(() => codingCount(page), { message: key }).toBe(top);
      }
    },
    commandPalette: async () => {
      await press('commandPalette');
      const dialog = page.getByRole('dialog', { name: 'Command palette' });
      await dialog.waitFor();
      await page.keyboard.type('codebook');
      expect(await dialog.getByRole('option').allTextContents()).toEqual([`Go to Codebook${formatAccelerator('Alt+2', mac)}`]);
      await page.keyboard.press('Enter');
      await expect.poll(selectedView).toBe('Codebook');
      await backToCoding();
    },
    shortcuts: async () => {
      await press('shortcuts');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.waitFor();
      for (const c of [...allCommands, ...transcriptKeys].filter((c) => c.shortcut)) {
        const row = help.getByRole('row').filter({ has: page.getByRole('rowheader', { name: c.label, exact: true }) });
        expect(await row.count(), c.label).toBe(1);
        for (const key of keysOf(c)) expect(await row.textContent()).toContain(formatAccelerator(key, mac));
      }
      await page.screenshot({ path: path.join(shots, 'shortcuts-help.png') });
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });
    },
    // Last: it replaces the demo with an empty project.
    new: async () => {
      await press('new');
      await expect.poll(() => page.locator('.project-name').textContent()).toContain('Untitled project');
    },
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
    page = await newAppPage(browser, baseUrl, { coder: 'Kim Keys' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('has a check for every command that has a key', () => {
    const withKeys = allCommands.filter((c) => c.shortcut).map((c) => c.id);
    expect(Object.keys(checks).sort()).toEqual([...withKeys].sort());
  });

  for (const [id, check] of Object.entries(checks)) {
    it(`runs ${id} by its key`, async () => {
      await check!();
      expect(pageErrors(page)).toEqual([]);
    });
  }

  it('shows every command in the command palette', async () => {
    await page.keyboard.press(keysFor(shortcutOf('commandPalette')));
    const dialog = page.getByRole('dialog', { name: 'Command palette' });
    await dialog.waitFor();
    const listed = await dialog.getByRole('option').allTextContents();
    for (const c of allCommands.filter((c) => c.id !== 'commandPalette')) expect(listed.some((t) => t.startsWith(c.label)), c.label).toBe(true);
    await page.screenshot({ path: path.join(shots, 'command-palette.png') });
    // A command without a key runs from here, and a field it opens keeps the focus.
    await page.keyboard.type('rename');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const field = page.getByRole('textbox', { name: 'Project name' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(' 2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.project-name').textContent()).toBe('Untitled project 2');
  });
});
