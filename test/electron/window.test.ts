import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (event: { preventDefault: () => void }) => void;
const fake = vi.hoisted(() => ({
  created: [] as {
    options: unknown;
    loadURL: (url: string) => Promise<void>;
    once: unknown;
    maximize: () => void;
    listeners: Map<string, () => void>;
    contentsListeners: Map<string, Listener>;
  }[],
  answer: 1,
}));
const created = fake.created;

vi.mock('electron', () => ({
  BrowserWindow: class {
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    show = vi.fn();
    maximize = vi.fn();
    listeners = new Map<string, () => void>();
    on = (name: string, listener: () => void) => this.listeners.set(name, listener);
    getNormalBounds = () => ({ x: 40, y: 30, width: 1000, height: 700 });
    isMaximized = () => false;
    contentsListeners = new Map<string, Listener>();
    webContents = { on: (name: string, listener: Listener) => this.contentsListeners.set(name, listener) };
    constructor(options: unknown) {
      fake.created.push({
        options,
        loadURL: this.loadURL,
        once: this.once,
        maximize: this.maximize,
        listeners: this.listeners,
        contentsListeners: this.contentsListeners,
      });
    }
  },
  dialog: { showMessageBoxSync: () => fake.answer },
}));

const { createMainWindow, mainWindowOptions } = await import('../../electron/window');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lantern-window-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const setup = (stateFile = path.join(dir, 'none.json')) => ({ preloadPath: '/p.cjs', url: 'app://lantern/', dev: false, stateFile, screens: [screen] });

describe('main window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security', () => {
    const prefs = mainWindowOptions('/app/dist-electron/preload.cjs', false).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('spell-checks only on macOS, where no dictionary has to be downloaded', () => {
    expect(mainWindowOptions('/p.cjs', false, 'darwin').webPreferences!.spellcheck).toBe(true);
    expect(mainWindowOptions('/p.cjs', false, 'linux').webPreferences!.spellcheck).toBe(false);
    expect(mainWindowOptions('/p.cjs', false, 'win32').webPreferences!.spellcheck).toBe(false);
  });

  it('opens developer tools only in development', () => {
    expect(mainWindowOptions('/p.cjs', true).webPreferences!.devTools).toBe(true);
  });

  it('builds the window from those options and loads the app URL', () => {
    createMainWindow(setup());
    const window = created.at(-1)!;
    expect(window.options).toEqual(mainWindowOptions('/p.cjs', false));
    expect(window.loadURL).toHaveBeenCalledWith('app://lantern/');
    expect(window.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });

  it('asks before closing when the page tries to stay open, and closes only on Close', () => {
    createMainWindow(setup());
    const onPreventUnload = created.at(-1)!.contentsListeners.get('will-prevent-unload')!;
    const stay = { preventDefault: vi.fn() };
    fake.answer = 1;
    onPreventUnload(stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
    const close = { preventDefault: vi.fn() };
    fake.answer = 0;
    onPreventUnload(close);
    expect(close.preventDefault).toHaveBeenCalledOnce();
  });

  it('reopens where it was closed, maximised if it was', async () => {
    const stateFile = path.join(dir, 'window-state.json');
    await writeFile(stateFile, JSON.stringify({ bounds: { x: 200, y: 100, width: 1100, height: 750 }, maximized: true }));
    createMainWindow(setup(stateFile));
    const window = created.at(-1)!;
    expect(window.options).toMatchObject({ x: 200, y: 100, width: 1100, height: 750, webPreferences: { sandbox: true } });
    expect(window.maximize).toHaveBeenCalled();
    window.listeners.get('close')!();
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ bounds: { x: 40, y: 30, width: 1000, height: 700 }, maximized: false });
  });
});
