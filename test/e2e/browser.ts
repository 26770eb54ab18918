/**
 * Chromium for the end-to-end tests, through playwright-core and the system browser.
 * Each launch gets a fresh profile (Playwright makes a temporary user-data dir), and each
 * newAppPage a fresh context, so IndexedDB starts empty. With CI=true a missing browser
 * fails the run instead of skipping it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROMIUM_PATH);

if (!hasBrowser && process.env.CI === 'true')
  throw new Error(`End-to-end tests need Chromium at ${CHROMIUM_PATH} (CI=true, so this is a failure, not a skip). Install the 'chromium' package.`);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface AppPageOptions {
  /** The name typed in the first-start dialog. */
  coder?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/** A new, empty browser context on the app, past the first-start coder dialog, with the demo open. */
export async function newAppPage(browser: Browser, baseUrl: string, options: AppPageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(baseUrl);
  await page.getByLabel('Your name').fill(options.coder ?? 'E2E Coder');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('.transcript').waitFor({ timeout: 30_000 });
  return page;
}

/** Uncaught errors the page has thrown so far. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}
