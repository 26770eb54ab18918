/**
 * Starts the Vite dev server for the end-to-end suite in its own process group (so
 * teardown can stop it and every child it spawned), waits until it answers, and
 * provides its address to the tests as inject('baseUrl').
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Vite dev server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The Vite dev server did not answer at ${url} within ${timeoutMs} ms:\n${log()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  let output = '';
  const child = spawn('npx', ['vite', '--config', 'renderer/vite.config.ts', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own optimised-deps cache, so a test run does not invalidate `npm run web`'s (QA F18).
    env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0', LANTERN_VITE_CACHE: path.join(root, 'node_modules/.vite/e2e') },
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const timeout = new Promise<void>((r) => setTimeout(r, 5000));
    await Promise.race([exited, timeout]);
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  try {
    await waitFor(baseUrl, child, () => output);
    // Ask for the entry once so dependency pre-bundling finishes before the first test.
    await fetch(new URL('src/main.tsx', baseUrl));
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  return stop;
}
