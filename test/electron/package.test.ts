/**
 * Packages the app with the real electron-builder and build/electron-builder.yml, over a
 * stand-in Electron binary (the real one cannot be downloaded here): checks what goes into
 * app.asar and that the security fuses are burnt into the executable.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../electron/build.mjs';

const repo = path.resolve(__dirname, '../..');
// The marker @electron/fuses looks for in an Electron executable, then the wire: version 1, 8 fuses, all on.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

let project: string;
let unpacked: string;

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'lantern-package-'));
  const electronDist = path.join(project, 'fake-electron');
  await mkdir(electronDist);
  await writeFile(path.join(electronDist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('11111111')]), {
    mode: 0o755,
  });
  await mkdir(path.join(project, 'build'));
  for (const name of ['electron-builder.yml', 'bundled-dependencies.cjs', 'icon.png']) {
    await copyFile(path.join(repo, 'build', name), path.join(project, 'build', name));
  }
  await copyFile(path.join(repo, 'package.json'), path.join(project, 'package.json'));
  await mkdir(path.join(project, 'dist', 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(project, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  await writeFile(path.join(project, 'dist', 'renderer', 'assets', 'index.js'), '');
  await writeFile(path.join(project, 'dist', 'renderer', 'assets', 'index.js.map'), '{}');
  await buildElectron({ outdir: path.join(project, 'dist-electron') });
  await promisify(execFile)(
    process.execPath,
    [
      path.join(repo, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'build/electron-builder.yml',
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      '-c.electronVersion=45.5.0',
    ],
    { cwd: project, env: { ...process.env, CI: 'true' } },
  );
  unpacked = path.join(project, 'release', 'linux-unpacked');
}, 120_000);

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('packaged app', () => {
  it('contains only the bundles and package.json: no sources, maps or node_modules', () => {
    const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false })
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    expect(files).toEqual([
      '/dist',
      '/dist-electron',
      '/dist-electron/main.cjs',
      '/dist-electron/preload.cjs',
      '/dist/renderer',
      '/dist/renderer/assets',
      '/dist/renderer/assets/index.js',
      '/dist/renderer/index.html',
      '/package.json',
    ]);
  });

  it('burns the security fuses into the executable', async () => {
    const binary = await readFile(path.join(unpacked, 'lantern-qda'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    const fuse = (index: number) => wire[index];
    expect(fuse(0)).toBe('0'); // RunAsNode: ELECTRON_RUN_AS_NODE cannot turn the app into plain Node
    expect(fuse(1)).toBe('1'); // EnableCookieEncryption
    expect(fuse(2)).toBe('0'); // NODE_OPTIONS ignored
    expect(fuse(3)).toBe('0'); // --inspect ignored
    expect(fuse(4)).toBe('1'); // EnableEmbeddedAsarIntegrityValidation
    expect(fuse(5)).toBe('1'); // OnlyLoadAppFromAsar
    expect(fuse(7)).toBe('0'); // file:// gets no extra privileges
  });
});

describe('electron-builder.yml', () => {
  it('names the app, associates .qdpx and builds for the three desktop platforms', async () => {
    const config = await getConfig(repo, path.join(repo, 'build', 'electron-builder.yml'), null);
    expect(config.appId).toBe('org.lantern-qda.app');
    expect(config.productName).toBe('Lantern QDA');
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'qdpx', role: 'Editor' })]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
  });
});
