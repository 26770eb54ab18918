import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
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
    // Reading backups (a participant's withdrawal) brings in fflate, whose Node build requires "module".
    expect(requires(main).filter((name) => name !== 'electron' && !isBuiltin(name))).toEqual([]);
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('runs: the main bundle starts against a stand-in electron module and opens app://lantern/', async () => {
    // A CommonJS stand-in for electron, found by the bundle's require("electron") from outdir.
    const fakeElectron = `
      const log = (...entry) => process.stdout.write(JSON.stringify(entry) + '\\n');
      class BrowserWindow {
        static getFocusedWindow() { return null; }
        static getAllWindows() { return []; }
        static fromWebContents() { return null; }
        constructor(options) { log('window', options.webPreferences); this.webContents = { on() {}, send() {} }; }
        once() {} on() {}
        loadURL(url) { log('loadURL', url); return Promise.resolve(); }
      }
      module.exports = {
        app: {
          isPackaged: true, name: 'Lantern QDA',
          enableSandbox: () => log('enableSandbox'),
          getAppPath: () => '/opt/lantern/app.asar', getPath: (n) => '/tmp/' + n, getVersion: () => '0.1.0',
          requestSingleInstanceLock: () => true, quit() {}, isReady: () => true, on() {}, setAboutPanelOptions() {},
          whenReady: () => Promise.resolve(),
        },
        protocol: { registerSchemesAsPrivileged: (s) => log('schemes', s), handle: (scheme) => log('handle', scheme) },
        session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setSpellCheckerEnabled() {} } },
        ipcMain: { handle: (channel) => log('ipc', channel) },
        dialog: {},
        screen: { getAllDisplays: () => [] },
        Menu: { buildFromTemplate: (t) => t, setApplicationMenu: () => log('menu') },
        BrowserWindow,
      };`;
    await mkdir(path.join(outdir, 'node_modules', 'electron'), { recursive: true });
    await writeFile(path.join(outdir, 'node_modules', 'electron', 'index.js'), fakeElectron);
    const { stdout } = await promisify(execFile)(process.execPath, [out.main], { cwd: outdir });
    const entries = stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown[]);
    const names = entries.map((e) => e[0]);
    expect(names[0]).toBe('schemes');
    expect(entries.filter((e) => e[0] === 'ipc').map((e) => e[1])).toEqual([
      'dialog:openFiles',
      'dialog:saveFile',
      'file:write',
      'backups:list',
      'backups:read',
      'app:getVersion',
      'app:takeOpenRequests',
      'backups:withdraw',
      'backups:deleteProject',
    ]);
    expect(entries.find((e) => e[0] === 'window')![1]).toMatchObject({
      preload: '/opt/lantern/app.asar/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(entries.find((e) => e[0] === 'loadURL')![1]).toBe('app://lantern/');
  });
});
