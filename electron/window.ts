/** The one kind of window: the project workspace. */
import { BrowserWindow, dialog, type BrowserWindowConstructorOptions } from 'electron';
import { readWindowState, writeWindowState, type Rectangle } from './window-state';

/**
 * Spell checking only where it is local: on Windows and Linux Chromium would download its
 * dictionaries from Google, and this app makes no network requests.
 */
export const spellcheckStaysLocal = (platform: NodeJS.Platform): boolean => platform === 'darwin';

export function mainWindowOptions(preloadPath: string, dev: boolean, platform: NodeJS.Platform = process.platform): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'Lantern QDA',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: spellcheckStaysLocal(platform),
      devTools: dev,
    },
  };
}

export interface MainWindowSetup {
  preloadPath: string;
  url: string;
  dev: boolean;
  /** Where the window's size and position are remembered between sessions. */
  stateFile: string;
  /** Work areas of the connected screens, to check the remembered position is still visible. */
  screens: Rectangle[];
}

export function createMainWindow(setup: MainWindowSetup): BrowserWindow {
  const state = readWindowState(setup.stateFile, setup.screens);
  const window = new BrowserWindow({ ...mainWindowOptions(setup.preloadPath, setup.dev), ...state?.bounds });
  if (state?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    writeWindowState(setup.stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  // A page that sets beforeunload would otherwise make the window refuse to close without a word.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Close', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      message: 'Close Lantern QDA?',
      detail: 'Lantern asked to stay open, usually because it is still saving or exporting. Closing now may lose that work.',
    });
    if (choice === 0) event.preventDefault();
  });
  void window.loadURL(setup.url);
  return window;
}
