import { describe, expect, it, vi } from 'vitest';

const created: { options: unknown; loadURL: ReturnType<typeof vi.fn>; once: ReturnType<typeof vi.fn> }[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    show = vi.fn();
    constructor(options: unknown) {
      created.push({ options, loadURL: this.loadURL, once: this.once });
    }
  },
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
});
