/** The import dialog on the whole reference corpus (../shared/corpus): every file read, duplicates recognised. */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sharedPath } from '../interop/shared';
import { launchBrowser, newAppPage, pageErrors } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');
const corpus = sharedPath('corpus');

describe('import dialog on the reference corpus', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('takes the whole reference corpus in one go: every file ready, the AnnoMI subset recognised as already there', async () => {
    const fresh = await newAppPage(browser, baseUrl, { coder: 'Corpus Tester' });
    await fresh.getByRole('tab', { name: /Documents/ }).click();
    await fresh.getByRole('button', { name: 'Import transcripts…' }).click();
    const dialog = fresh.getByRole('dialog', { name: 'Import transcripts' });
    const names = readdirSync(corpus).filter((f) => f !== 'SOURCES.md').sort();
    const chooser = fresh.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(names.map((name) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(path.join(corpus, name)) })));
    await dialog.getByText(`${names.length} of ${names.length} files ready`).waitFor({ timeout: 60_000 });
    // Within one batch the subset only becomes a duplicate at import; the preview checks against the project.
    expect(await dialog.getByText('already imported').count()).toBe(0);
    await dialog.getByRole('button', { name: 'qualcoder_survey456.csv' }).click();
    expect(await dialog.getByRole('group', { name: 'Open-ended questions' }).getByRole('checkbox', { name: 'freetext' }).isChecked()).toBe(true);
    await fresh.screenshot({ path: path.join(shots, 'import-corpus.png') });
    await dialog.getByRole('button', { name: `Import ${names.length} files` }).click();
    const result = dialog.getByRole('status', { name: 'Import result' });
    await result.getByText('Imported 142 sources from 8 files.').waitFor({ timeout: 60_000 });
    expect(await result.getByText(/^Skipped annomi_substance_use_subset/).count()).toBe(8);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Offered again, the transcript is flagged before anything is imported.
    await fresh.getByRole('button', { name: 'Import transcripts…' }).click();
    const again = fresh.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose files…' }).click();
    await (await again).setFiles([{ name: 'copy.txt', mimeType: 'text/plain', buffer: readFileSync(path.join(corpus, 'qualcoder_transcript.txt')) }]);
    await dialog.getByText('already imported').waitFor({ timeout: 30_000 });
    expect(await dialog.getByText('The project already holds this text; it will be skipped.').count()).toBe(1);
    expect(pageErrors(fresh)).toEqual([]);
    await fresh.context().close();
  });
});
