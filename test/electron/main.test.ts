/**
 * The entry point wired against a fake Electron: checks the order of start-up (scheme
 * before ready) and that every hardened piece is actually attached.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract } from '../../shared/ipc/contract';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    lock: true,
    isPackaged: false,
    appListeners: new Map<string, Listener>(),
    handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
    windows: [] as { options: { webPreferences: { preload: string } }; url?: string; sent: unknown[][] }[],
    menuTemplate: undefined as unknown,
    protocolHandler: undefined as unknown,
    permissionHandlers: 0,
    resolveReady: () => {},
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getFocusedWindow = () => null;
    static getAllWindows = () => fake.windows;
    static fromWebContents = () => null;
    record: (typeof fake.windows)[number];
    webContents = { send: (...args: unknown[]) => this.record.sent.push(args), on: () => {} };
    constructor(options: (typeof fake.windows)[number]['options']) {
      this.record = { options, sent: [] };
      fake.windows.push(this.record);
      fake.log.push('window');
    }
    once() {}
    on() {}
    maximize() {}
    isMinimized = () => false;
    restore() {}
    focus() {
      fake.log.push('focus');
    }
    async loadURL(url: string) {
      this.record.url = url;
    }
  }
  const ready = new Promise<void>((resolve) => {
    fake.resolveReady = resolve;
  });
  return {
    app: {
      get isPackaged() {
        return fake.isPackaged;
      },
      name: 'Lantern QDA',
      enableSandbox: () => fake.log.push('enableSandbox'),
      getAppPath: () => '/opt/lantern/resources/app.asar',
      getPath: (name: string) => `/home/researcher/${name}`,
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => fake.lock,
      quit: () => fake.log.push('quit'),
      isReady: () => true,
      setAboutPanelOptions: () => {},
      on: (name: string, listener: Listener) => fake.appListeners.set(name, listener),
      whenReady: () => ready.then(() => fake.log.push('ready')),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => fake.log.push(`registerSchemes ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: unknown) => {
        fake.log.push(`handle ${scheme}`);
        fake.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => fake.permissionHandlers++,
        setPermissionCheckHandler: () => fake.permissionHandlers++,
        setSpellCheckerEnabled: (enabled: boolean) => fake.log.push(`spellchecker ${enabled}`),
      },
    },
    ipcMain: { handle: (channel: string, handler: never) => fake.handlers.set(channel, handler) },
    dialog: {},
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: {
      buildFromTemplate: (template: unknown) => (fake.menuTemplate = template),
      setApplicationMenu: () => fake.log.push('menu'),
    },
    BrowserWindow,
  };
});

async function start(): Promise<void> {
  vi.resetModules();
  fake.log.length = 0;
  fake.windows.length = 0;
  fake.handlers.clear();
  fake.appListeners.clear();
  fake.permissionHandlers = 0;
  await import('../../electron/main');
  fake.resolveReady();
  // Let the whenReady continuation run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  fake.lock = true;
  fake.isPackaged = false;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('electron main', () => {
  it('registers app:// as a standard secure scheme and sandboxes every renderer before ready', async () => {
    await start();
    const readyAt = fake.log.indexOf('ready');
    const schemeAt = fake.log.findIndex((l) => l.startsWith('registerSchemes'));
    expect(schemeAt).toBeGreaterThanOrEqual(0);
    expect(schemeAt).toBeLessThan(readyAt);
    expect(fake.log.indexOf('enableSandbox')).toBeLessThan(readyAt);
    expect(JSON.parse(fake.log[schemeAt]!.slice('registerSchemes '.length))).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('after ready, serves app://, denies permissions, registers every channel, sets the menu, then opens the window', async () => {
    await start();
    expect(fake.log.slice(fake.log.indexOf('ready'))).toEqual([
      'ready',
      'handle app',
      // Dictionaries would be downloaded on Windows and Linux; macOS checks locally.
      ...(process.platform === 'darwin' ? [] : ['spellchecker false']),
      'menu',
      'window',
    ]);
    expect(fake.permissionHandlers).toBe(2);
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
    const [window] = fake.windows;
    expect(window!.url).toBe('app://lantern/');
    expect(window!.options.webPreferences.preload).toBe('/opt/lantern/resources/app.asar/dist-electron/preload.cjs');
  });

  it('serves the bundled renderer from dist/renderer inside the app', async () => {
    await start();
    const response = await (fake.protocolHandler as (r: Request) => Promise<Response>)(new Request('app://lantern/../../etc/passwd'));
    expect(response.status).toBe(404);
  });

  it('answers IPC only from the app origin', async () => {
    await start();
    const getVersion = fake.handlers.get('app:getVersion')!;
    expect(await getVersion({ senderFrame: { url: 'app://lantern/index.html' } }, undefined)).toEqual({ ok: true, value: '0.1.0' });
    expect(await getVersion({ senderFrame: { url: 'https://evil.example/' } }, undefined)).toMatchObject({ ok: false });
    expect(await getVersion({ senderFrame: { url: 'http://127.0.0.1:5173/' } }, undefined)).toMatchObject({ ok: false });
  });

  it('loads the dev server and trusts it while developing', async () => {
    vi.stubEnv('LANTERN_DEV_URL', 'http://127.0.0.1:5173/');
    await start();
    expect(fake.windows[0]!.url).toBe('http://127.0.0.1:5173/');
    const getVersion = fake.handlers.get('app:getVersion')!;
    expect(await getVersion({ senderFrame: { url: 'http://127.0.0.1:5173/' } }, undefined)).toMatchObject({ ok: true });
  });

  it('ignores LANTERN_DEV_URL in a packaged app', async () => {
    vi.stubEnv('LANTERN_DEV_URL', 'http://127.0.0.1:5173/');
    fake.isPackaged = true;
    await start();
    expect(fake.windows[0]!.url).toBe('app://lantern/');
  });

  it('guards every web contents the app creates and gives it a context menu', async () => {
    await start();
    const on = vi.fn();
    const setWindowOpenHandler = vi.fn();
    fake.appListeners.get('web-contents-created')!({}, { on, setWindowOpenHandler });
    expect(on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    expect(on).toHaveBeenCalledWith('context-menu', expect.any(Function));
    expect(setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it('sends menu clicks to the window as menu:command events', async () => {
    await start();
    const file = (fake.menuTemplate as { label?: string; submenu?: { label?: string; click?: () => void }[] }[]).find((m) => m.label === 'File')!;
    file.submenu!.find((i) => i.label === 'Save')!.click!();
    expect(fake.windows[0]!.sent).toEqual([['menu:command', { command: 'save' }]]);
  });

  it('hands a project opened from a second launch or macOS open-file to the renderer', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lantern-main-'));
    try {
      await writeFile(path.join(dir, 'study.qdpx'), 'PK');
      await writeFile(path.join(dir, 'mac.qdpx'), 'PK');
      await start();
      const app = { senderFrame: { url: 'app://lantern/' } };
      fake.appListeners.get('second-instance')!({}, ['/opt/lantern/lantern-qda', 'study.qdpx'], dir);
      const preventDefault = vi.fn();
      fake.appListeners.get('open-file')!({ preventDefault }, path.join(dir, 'mac.qdpx'));
      fake.appListeners.get('open-file')!({ preventDefault }, path.join(dir, 'script.sh'));
      expect(preventDefault).toHaveBeenCalledTimes(2);
      expect(fake.log).toContain('focus');
      expect(fake.windows[0]!.sent).toEqual([['app:openRequested'], ['app:openRequested']]);
      const taken = (await fake.handlers.get('app:takeOpenRequests')!(app, undefined)) as { ok: true; value: { path: string }[] };
      expect(taken.value.map((f) => f.path)).toEqual([path.join(dir, 'study.qdpx'), path.join(dir, 'mac.qdpx')]);
      // Opened projects become writable: Save goes straight to them.
      expect(await fake.handlers.get('file:write')!(app, { path: path.join(dir, 'study.qdpx'), bytes: new Uint8Array([1]) })).toEqual({
        ok: true,
        value: null,
      });
      expect(await fake.handlers.get('app:takeOpenRequests')!(app, undefined)).toEqual({ ok: true, value: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('quits at once when another instance already runs', async () => {
    fake.lock = false;
    await start();
    expect(fake.log).toContain('quit');
    expect(fake.windows).toHaveLength(0);
    expect(fake.handlers.size).toBe(0);
  });
});
