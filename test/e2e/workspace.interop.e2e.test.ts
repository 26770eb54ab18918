/** Opening other tools' projects (../shared/refi-qda/samples) in the app: what came in, what was skipped and why. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sharedPath } from '../interop/shared';
import { launchBrowser, newAppPage } from './browser';

describe("opening another tool's project", () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows what came in after opening another tool's project, and keeps it until dismissed (QA F23)", async () => {
    const other = await newAppPage(browser, baseUrl, { coder: 'Jordan Ellis' });
    const sample = sharedPath('refi-qda/samples/nvivo12-win_hu-emoji-crlf.qdpx');
    const chooser = other.waitForEvent('filechooser');
    other.once('dialog', (d) => void d.accept());
    await other.getByRole('button', { name: 'File ▾' }).click();
    await other.getByRole('menuitem', { name: /Open \.qdpx/ }).click();
    await (await chooser).setFiles(sample);
    const summary = other.getByRole('status').filter({ hasText: 'Imported nvivo12-win_hu-emoji-crlf.qdpx' });
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toMatch(/1 sources, 60 codes, 97 codings/);
    await other.waitForTimeout(4500);
    expect(await summary.isVisible()).toBe(true);
    await summary.getByRole('button', { name: 'Dismiss message' }).click();
    await summary.waitFor({ state: 'detached' });

    // A bare .qde (ATLAS.ti) is offered by the picker and reports what it keeps without showing, and why.
    const qdeChooser = other.waitForEvent('filechooser');
    other.once('dialog', (d) => void d.accept());
    await other.getByRole('button', { name: 'File ▾' }).click();
    await other.getByRole('menuitem', { name: /Open \.qdpx/ }).click();
    const picker = await qdeChooser;
    expect(await picker.element().getAttribute('accept')).toContain('.qde');
    await picker.setFiles(sharedPath('refi-qda/samples/atlasti8-mac_refi-standard-project.qde'));
    const qde = other.getByRole('status').filter({ hasText: 'Imported atlasti8-mac_refi-standard-project.qde' });
    await qde.waitFor({ timeout: 60_000 });
    const said = await qde.textContent();
    expect(said).toMatch(/Kept as it is, not shown, written back on save: 12:/);
    expect(said).toContain('PictureSource "cornflakes-n-milk.jpg": a picture source; Lantern QDA shows text sources only (with its 2 codings)');
    await other.context().close();
  });
});
