/**
 * Bundles the main process and the preload with esbuild. Both become CommonJS: a
 * sandboxed preload cannot load ES modules or anything but `electron`, so it must be
 * one self-contained file; main follows suit so `package.json#main` needs no ESM loader.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {{ outdir?: string, minify?: boolean }} [options] */
export async function buildElectron(options = {}) {
  const outdir = options.outdir ?? path.join(repoRoot, 'dist-electron');
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    // Electron 45 runs Node 22 in main and Chromium 142 in the preload.
    target: 'node22',
    external: ['electron'],
    sourcemap: true,
    minify: options.minify ?? false,
    logLevel: 'warning',
    absWorkingDir: repoRoot,
  };
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outdir, 'main.cjs') }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outdir, 'preload.cjs') }),
  ]);
  return { main: path.join(outdir, 'main.cjs'), preload: path.join(outdir, 'preload.cjs') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildElectron();
  console.log(`Built ${path.relative(repoRoot, out.main)} and ${path.relative(repoRoot, out.preload)}`);
}
