import { describe, expect, it, vi } from 'vitest';

type Listener = (event: { preventDefault: () => void }) => void;
const fake = vi.hoisted(() => ({
  created: [] as { options: unknown; loadURL: (url: string) => Promise<void>; once: unknown; contentsListeners: Map<string, Listener> }[],
  answer: 1,
}));
const created = fake.created;

vi.mock('electron', () => ({
  BrowserWindow: class {
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    show = vi.fn();
    contentsListeners = new Map<string, Listener>();
    webContents = { on: (name: string, listener: Listener) => this.contentsListeners.set(name, listener) };
    constructor(options: unknown) {
      fake.created.push({ options, loadURL: this.loadURL, once: this.once, contentsListeners: this.contentsListeners });
    }
  },
  dialog: { showMessageBoxSync: () => fake.answer },
}));

const { createMainWindow, mainWindowOptions } = await import('../../electron/window');

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
    createMainWindow('/p.cjs', 'app://lantern/', false);
    const window = created.at(-1)!;
    expect(window.options).toEqual(mainWindowOptions('/p.cjs', false));
    expect(window.loadURL).toHaveBeenCalledWith('app://lantern/');
    expect(window.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });

  it('asks before closing when the page tries to stay open, and closes only on Close', () => {
    createMainWindow('/p.cjs', 'app://lantern/', false);
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
});
