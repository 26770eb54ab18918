/**
 * Importing through the app in Chromium: a Word interview and a Teams-style WebVTT file
 * are chosen in the import dialog, parsed in the worker, shown with their speakers, one
 * speaker is renamed, and both land in the Documents list with their turns.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDocx } from '../shared/import/build-fixtures';
import { launchBrowser, newAppPage, pageErrors } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test-results', 'screens');

/** A spreadsheet shaped like AnnoMI's (133 conversations of 73 turns, 2.4 MB; twenty stay under playwright's 50 MB), slow enough to read that Cancel can interrupt it. */
function annomiLikeCsv(): Buffer {
  const rows = ['transcript_id,mi_quality,video_title,video_url,topic,utterance_id,interlocutor,timestamp,utterance_text,main_therapist_behaviour,client_talk_type'];
  const words = 'and then we talked about how often it happens, what it costs you, and whether you want to change it now or later';
  for (let t = 0; t < 133; t++)
    for (let u = 0; u < 73; u++) {
      const who = u % 2 ? 'client' : 'therapist';
      const time = `00:${String(Math.floor(u / 2)).padStart(2, '0')}:${String((u * 7) % 60).padStart(2, '0')}`;
      rows.push(`${t},high,"Video ${t}: ""Session""",https://example.org/${t},reducing alcohol consumption,${u},${who},${time},"Turn ${u}: ${words}",question,n/a`);
    }
  return Buffer.from(rows.join('\n') + '\n');
}

const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Officer Reyes>We offered her LEAD instead of booking.</v>',
  '',
  '00:00:04.500 --> 00:00:07.000',
  '<v Dana Cole>And I said yes – right there.</v>',
  '',
  '00:00:07.500 --> 00:00:09.000',
  '<v Officer Reyes>That was in March.</v>',
].join('\n');

describe('import dialog', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launchBrowser();
    page = await newAppPage(browser, baseUrl, { coder: 'Import Tester' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('imports a .docx and a .vtt, showing and correcting their speakers', async () => {
    const docx = await buildDocx([
      'Interviewer: How did you first hear about the program?',
      'Participant 12: A case manager found me at the shelter.',
      'It took two weeks to get a bed.',
      'Interviewer: And after that?',
    ]);
    await page.getByRole('tab', { name: /Documents/ }).click();
    // The demo's documents are listed before the import starts.
    await page.locator('table.grid tbody tr').first().waitFor();
    const before = await page.locator('table.grid tbody tr').count();
    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    await dialog.waitFor();

    // Parsing happens in a worker, off the UI thread.
    const worker = page.waitForEvent('worker');
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles([
      { name: 'interview-12.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docx) },
      { name: 'stop-3.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) },
    ]);

    expect((await worker).url()).toContain('import.worker');
    const files = dialog.getByRole('list', { name: 'Files to import' });
    await files.getByText('2 speakers').nth(1).waitFor({ timeout: 30_000 });

    const docxSpeakers = dialog.getByRole('table', { name: 'Speakers in interview-12.docx' });
    await docxSpeakers.waitFor();
    expect(await docxSpeakers.getByRole('textbox', { name: /^Name for speaker/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'Interviewer',
      'Participant 12',
    ]);
    expect(await docxSpeakers.getByRole('checkbox', { name: 'Interviewer is the interviewer' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('figure', { name: 'Sample of the imported text' }).textContent()).toContain(
      'A case manager found me at the shelter.It took two weeks to get a bed.'.replace('.It', '.\n\nIt'),
    );

    await files.getByRole('button', { name: 'stop-3.vtt' }).click();
    const vttSpeakers = dialog.getByRole('table', { name: 'Speakers in stop-3.vtt' });
    await vttSpeakers.waitFor();
    expect(await vttSpeakers.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-speaker')))).toEqual(['Officer Reyes', 'Dana Cole']);
    await vttSpeakers.getByRole('checkbox', { name: 'Officer Reyes is the interviewer' }).check();
    await vttSpeakers.getByRole('textbox', { name: 'Name for speaker Dana Cole' }).fill('Participant 31');
    await vttSpeakers.getByRole('combobox', { name: 'Case for Dana Cole' }).fill('P31');
    await expect.poll(() => dialog.getByRole('figure', { name: 'Sample of the imported text' }).textContent()).toContain('Participant 31: And I said yes – right there.');
    await page.screenshot({ path: path.join(shots, 'import-dialog.png') });

    await dialog.getByRole('button', { name: 'Import 2 files' }).click();
    await dialog.getByRole('status', { name: 'Import result' }).getByText('Imported 2 sources from 2 files.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    const rows = page.locator('table.grid tbody tr');
    await expect.poll(() => rows.count()).toBe(before + 2);
    expect(await page.locator('table.grid').getByRole('button', { name: 'interview-12' }).count()).toBe(1);
    const vttRow = rows.filter({ has: page.getByRole('button', { name: 'stop-3' }) });
    expect(await vttRow.textContent()).toContain('P31');
    expect(pageErrors(page)).toEqual([]);
  });

  it('applies case attributes from a CSV keyed by file name and reports the rows that matched nothing', async () => {
    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Case attributes from CSV…' }).click();
    await (await chooser).setFiles([{ name: 'attrs.csv', mimeType: 'text/csv', buffer: Buffer.from('file,Stakeholder group\ninterview-12.docx,Participant\nghost.docx,Police\n') }]);
    const result = dialog.getByRole('status', { name: 'Attribute import result' });
    await result.waitFor();
    expect(await result.textContent()).toContain('Row 3: “ghost.docx” matches no document or case.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const row = page.locator('table.grid tbody tr').filter({ has: page.getByRole('button', { name: 'interview-12' }) });
    await expect.poll(() => row.textContent()).toContain('Participant');
  });

  it('lets the user choose the columns of a spreadsheet whose headers are not recognised', async () => {
    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles([{ name: 'rows.csv', mimeType: 'text/csv', buffer: Buffer.from('wer,was,wann\nMia,Hallo zusammen,0:01\nTom,Servus Mia,0:04\n') }]);
    await dialog.getByRole('alert').getByText(/rows\.csv: no text column/).waitFor({ timeout: 30_000 });
    await dialog.getByRole('combobox', { name: 'Text column' }).selectOption('was');
    await dialog.getByRole('combobox', { name: 'Speaker column' }).selectOption('wer');
    const speakers = dialog.getByRole('table', { name: 'Speakers in rows.csv' });
    await expect.poll(() => speakers.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-speaker')))).toEqual(['Mia', 'Tom']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows progress while reading many files and stops on Cancel, keeping what was read', async () => {
    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    const big = annomiLikeCsv();
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose files…' }).click();
    // Enough files that reading lasts a few seconds (a dozen were sometimes all read, at ~0.1 s
    // each, before the test saw the second start), and Cancel comes with several still to read.
    await (await chooser).setFiles(Array.from({ length: 20 }, (_, i) => ({ name: `batch-${i + 1}.csv`, mimeType: 'text/csv', buffer: big })));
    const progress = dialog.getByRole('progressbar', { name: 'Reading files' });
    await progress.waitFor({ timeout: 30_000 });
    await dialog.getByText(/^Reading ([2-9]|1[0-2]) of 20/).waitFor({ timeout: 60_000 });
    await dialog.getByRole('status').getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'detached', timeout: 30_000 });
    const files = dialog.getByRole('list', { name: 'Files to import' });
    expect(await files.getByText('133 sources').count()).toBeGreaterThanOrEqual(1);
    expect(await files.getByText('cancelled').count()).toBeGreaterThanOrEqual(1);
    expect(await dialog.getByRole('button', { name: /^Import/ }).isEnabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).last().click();
  });

  it('accepts files dropped onto the dialog', async () => {
    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    await dialog.waitFor();
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Q: Dropped in?\nA: Yes, by drag and drop.\nQ: Good.\nA: Indeed.'], 'dropped.txt', { type: 'text/plain' }));
      return dt;
    });
    await dialog.dispatchEvent('drop', { dataTransfer });
    const speakers = dialog.getByRole('table', { name: 'Speakers in dropped.txt' });
    await speakers.waitFor({ timeout: 30_000 });
    expect(await speakers.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-speaker')))).toEqual(['Q', 'A']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows a refused file with its reason and still imports the others', async () => {
    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles([
      { name: 'broken.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a zip') },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Q: Where?\nA: Downtown.\nQ: When?\nA: Monday.') },
    ]);
    await dialog.getByText('1 of 2 files ready, 1 refused').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'broken.docx' }).click();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/^broken\.docx: the Word document is damaged or truncated/);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const result = dialog.getByRole('status', { name: 'Import result' });
    await result.getByText('Imported 1 source from 1 file.').waitFor();
    expect(await result.textContent()).toContain('broken.docx: the Word document is damaged or truncated');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(pageErrors(page)).toEqual([]);
  });
});
