/**
 * The .qdpx writer job in a real browser: writeProjectFile starts the writer worker,
 * which sends back the bytes writeQdpx makes on the window's thread, and they read back.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newAppPage, pageErrors } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('writing a project file in a worker', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('writes in the writer worker the bytes writeQdpx makes here, and they read back', async () => {
    const page = await newAppPage(browser, baseUrl);
    const worker = page.waitForEvent('worker', (w) => w.url().includes('write-project.worker'));
    // A string, not a function: the test runner would rewrite a function's import() for Node.
    const outcome = await page.evaluate(`(async () => {
      const shared = ${JSON.stringify(path.join(root, 'shared'))};
      const model = await import('/@fs' + shared + '/model/index.ts');
      const refi = await import('/@fs' + shared + '/formats/refi/index.ts');
      const { writeProjectFile } = await import('/src/app/write-project.ts');
      const project = model.emptyProject({ id: '11111111-1111-4111-8111-111111111111', name: 'Written in a worker', now: '2026-12-07T10:00:00Z' });
      const inWorker = await writeProjectFile(project);
      const here = refi.writeQdpx(project);
      const back = refi.readQdpx(inWorker, 'w.qdpx');
      return { same: inWorker.length === here.length && inWorker.every((b, i) => b === here[i]), name: back.project.meta.name };
    })()`);
    expect(outcome).toEqual({ same: true, name: 'Written in a worker' });
    expect((await worker).url()).toContain('write-project.worker');
    expect(pageErrors(page)).toEqual([]);
  });
});
