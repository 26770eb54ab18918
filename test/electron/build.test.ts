import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../electron/build.mjs';

let outdir: string;
let out: { main: string; preload: string };

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'lantern-build-'));
  out = await buildElectron({ outdir });
});

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

const requires = (code: string) => [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();

describe('electron build', () => {
  it('bundles main and preload to the files package.json and the window point at', async () => {
    const pkg = JSON.parse(await readFile(path.resolve(__dirname, '../../package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(out).toEqual({ main: path.join(outdir, 'main.cjs'), preload: path.join(outdir, 'preload.cjs') });
  });

  it('makes the preload one CommonJS file needing only electron, as the sandbox requires', async () => {
    const preload = await readFile(out.preload, 'utf8');
    expect(requires(preload)).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("lantern"');
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    // The validators stay in main; the preload only forwards.
    expect(preload).not.toContain('ZodError');
  });

  it('makes main a CommonJS bundle with only electron and Node built-ins left external', async () => {
    const main = await readFile(out.main, 'utf8');
    expect(requires(main).every((name) => name === 'electron' || name.startsWith('node:'))).toBe(true);
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).not.toMatch(/^\s*(import|export)\s/m);
  });
});
