/** The one kind of window: the project workspace. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(preloadPath: string, dev: boolean): BrowserWindowConstructorOptions {
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
      devTools: dev,
    },
  };
}

export function createMainWindow(preloadPath: string, url: string, dev: boolean): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, dev));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
