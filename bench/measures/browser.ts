/**
 * The coding workspace in Chromium (issue 4), in web mode on the Vite dev server: open the
 * 30k-word transcript with 1,000 codings until text and highlights are painted (< 300 ms),
 * apply a code by its key until the highlight is painted (p50, p95 of 50 tries; < 50 ms p95),
 * scroll through it (frame times, long tasks), and the renderer's JS heap with the large
 * study open (< 500 MB). The dev server runs in its own process group, killed at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BENCH_DIR, PROJECT_FILES } from '../generate';
import type { BenchContext } from '../measure';
import { NO_TARGET, below, quantile, row } from '../measure';
import { OPEN_PROJECT, OPEN_SOURCE, PREPARE_APPLY, PROJECT_COUNTS, SCROLL, VISIT_VIEWS } from './browser-scripts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROOT = path.resolve(BENCH_DIR, '..');
const APPLY_TRIES = 50;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface DevServer {
  url: string;
  stop(): Promise<void>;
}

async function startVite(): Promise<DevServer> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn('npx', ['vite', '--config', 'renderer/vite.config.ts', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0' },
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Vite dev server exited (${child.exitCode}): ${output.slice(-500)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the Vite dev server did not answer at ${url} within 60 s`);
    }
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // Transform the entry and the hook once, so the first measured page load is not the server's warm-up.
  await fetch(new URL('src/main.tsx', url));
  await fetch(new URL('src/bench-hook.ts', url));
  return { url, stop };
}

/** The dev server serves files under the repository through /@fs/ (renderer/vite.config.ts allows the repo root). */
const fsUrl = (base: string, file: string) => new URL(`/@fs${file}`, base).href;

async function evaluate<T>(page: Page, script: string, args: unknown): Promise<T> {
  const expression = `(${script})(${JSON.stringify(args)})`;
  try {
    return (await page.evaluate(expression)) as T;
  } catch (error) {
    // The dev server reloads the page once when it finds a dependency to pre-bundle; run again after it.
    if (!(error instanceof Error) || !/Execution context was destroyed/.test(error.message)) throw error;
    await page.waitForLoadState('load');
    await page.waitForFunction(() => document.querySelector('#root')?.childElementCount, null, { timeout: 60_000 });
    return (await page.evaluate(expression)) as T;
  }
}

async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('#root')?.childElementCount, null, { timeout: 60_000 });
  return page;
}

const VIEWS = ['codebook', 'documents', 'memos', 'themes', 'analysis', 'team', 'report', 'coding'];

/**
 * The dev server reloads the page when a lazily loaded view brings a dependency it has not
 * pre-bundled yet. Meet them all first, then wait out any reload, so none lands mid-measure.
 */
async function settle(page: Page): Promise<void> {
  let reloaded = false;
  const onNav = (f: { parentFrame(): unknown }) => {
    if (!f.parentFrame()) reloaded = true;
  };
  page.on('framenavigated', onNav);
  await evaluate(page, VISIT_VIEWS, { views: VIEWS });
  await page.waitForTimeout(3000);
  page.off('framenavigated', onNav);
  if (reloaded) {
    await page.waitForLoadState('load');
    await page.waitForFunction(() => document.querySelector('#root')?.childElementCount, null, { timeout: 60_000 });
  }
}

interface Opened {
  readMs: number;
  storeMs: number;
  sourceIds: string[];
}

async function measureSingle(ctx: BenchContext, browser: Browser, url: string): Promise<void> {
  const page = await newPage(browser, url);
  const opened = await evaluate<Opened>(page, OPEN_PROJECT, { url: fsUrl(url, path.join(ctx.dataDir, PROJECT_FILES.single)), coder: 'Bench coder' });
  await settle(page);
  const source = ctx.study.single.sources[0]!;
  const sourceId = opened.sourceIds[0]!;
  const words = source.text.split(/\s+/).length;
  ctx.log(`single transcript: ${words} words, ${ctx.study.single.codings.length} codings; read ${opened.readMs.toFixed(0)} ms, stored ${opened.storeMs.toFixed(0)} ms`);

  const opens: number[] = [];
  let shape = { blocks: 0, highlights: 0 };
  for (let i = 0; i < ctx.runs + ctx.warmup; i++) {
    const r = await evaluate<{ ms: number; blocks: number; highlights: number }>(page, OPEN_SOURCE, { sourceId, away: 'memos' });
    if (i >= ctx.warmup) opens.push(r.ms);
    shape = r;
  }
  ctx.log(`open: ${shape.blocks} paragraphs and ${shape.highlights} highlight spans in the DOM at first paint`);
  ctx.add(row(`open ${Math.round(words / 1000)}k-word transcript, ${ctx.study.single.codings.length} codings: text + highlights painted`, opens, 'ms', below(300, '< 300 ms')));

  await page.screenshot({ path: path.join(ctx.dataDir, 'browser-open.png') });
  const key = ctx.study.single.codes.find((c) => c.shortcut)?.shortcut;
  if (!key) throw new Error('the single-transcript project has no code with a shortcut key');
  const applies: number[] = [];
  const warm = 3;
  for (let i = 0; i < APPLY_TRIES + warm; i++) {
    await evaluate(page, PREPARE_APPLY, { index: i, key }).catch(async (error: unknown) => {
      await page.screenshot({ path: path.join(ctx.dataDir, 'browser-apply-failed.png') });
      throw error;
    });
    await page.keyboard.press(key);
    const ms = (await page.evaluate('window.__benchApply')) as number;
    if (i >= warm) applies.push(ms);
  }
  const sorted = [...applies].sort((a, b) => a - b);
  ctx.log(`apply code: p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms over ${applies.length} tries`);
  ctx.add(row(`apply code by key until highlight painted, p50 of ${applies.length}`, applies, 'ms', NO_TARGET, 0.5));
  ctx.add(row(`apply code by key until highlight painted, p95 of ${applies.length}`, applies, 'ms', below(50, '< 50 ms p95'), 0.95));

  const frames: number[] = [];
  const longTasks: number[] = [];
  let distance = 0;
  for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
    const r = await evaluate<{ frames: number[]; longTasks: number[]; distance: number }>(page, SCROLL, { pxPerFrame: 120 });
    frames.push(...r.frames);
    longTasks.push(r.longTasks.length);
    distance = r.distance;
  }
  const dropped = frames.filter((f) => f > 1.5 * (1000 / 60)).length;
  ctx.log(`scroll: ${distance} px at 120 px a frame, ${frames.length} frames, ${dropped} over 25 ms, long tasks per pass: ${longTasks.join(', ')}`);
  ctx.add(row('scroll transcript: frame time, p95', frames, 'ms', NO_TARGET, 0.95));
  ctx.add(row('scroll transcript: long tasks per pass', longTasks, 'count', NO_TARGET));
  await page.context().close();
}

async function measureHeap(ctx: BenchContext, browser: Browser, url: string): Promise<void> {
  const page = await newPage(browser, url);
  const opened = await evaluate<Opened>(page, OPEN_PROJECT, { url: fsUrl(url, path.join(ctx.dataDir, PROJECT_FILES.large)), coder: 'Bench coder' });
  ctx.add(row('open large.qdpx in the browser: read', [opened.readMs], 'ms', NO_TARGET));
  ctx.add(row('open large.qdpx in the browser: store in IndexedDB', [opened.storeMs], 'ms', NO_TARGET));
  await settle(page);
  await evaluate(page, OPEN_SOURCE, { sourceId: opened.sourceIds[0], away: 'memos' });
  const counts = await evaluate<Record<string, number>>(page, PROJECT_COUNTS, {});
  ctx.log(`heap measured with ${JSON.stringify(counts)} open`);
  if (counts.codings !== ctx.study.combined.codings.length) throw new Error(`the app holds ${counts.codings} codings, not the study's ${ctx.study.combined.codings.length}`);
  const cdp = await page.context().newCDPSession(page);
  const heaps: number[] = [];
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    heaps.push(usedSize / 1024 / 1024);
  }
  ctx.add(row('renderer JS heap, large study open (after GC)', heaps, 'MB', below(500, '< 500 MB')));
  await page.context().close();
}

export async function measure(ctx: BenchContext): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    ctx.unavailable('browser', `no Chromium at ${CHROMIUM}`);
    return;
  }
  if (!ctx.manifest.projects.single || !ctx.manifest.projects.large) {
    ctx.unavailable('browser', 'the study has no .qdpx files to open (the REFI-QDA writer was missing when it was generated)');
    return;
  }
  const server = await startVite();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    await measureSingle(ctx, browser, server.url);
    await measureHeap(ctx, browser, server.url);
  } finally {
    await browser?.close();
    await server.stop();
  }
}
