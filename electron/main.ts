/**
 * The desktop shell's entry point: wires the hardened pieces together in order.
 * Everything with logic lives in the modules it imports, which are tested as plain Node code.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import path from 'node:path';
import { MENU_COMMAND_CHANNEL, OPEN_REQUESTED_CHANNEL, type MenuCommand } from '../shared/ipc/bridge';
import { ipcContract, menuCommandEvent, type Channel } from '../shared/ipc/contract';
import { attachContextMenu } from './context-menu';
import { isProjectFile } from '../node/backups';
import { backupRootIn } from '../node/data-dir';
import { WritablePaths } from './files';
import { denyNavigation, denyPermissions } from './guards';
import { createHandlers } from './handlers';
import { registerHandler } from './ipc';
import { menuTemplate } from './menu';
import { OpenRequests, projectPathsFromArgv } from './open-requests';
import { APP_SCHEME, APP_URL, devServerUrl, isTrustedSender } from './origin';
import { createAppProtocolHandler } from './protocol';
import { createMainWindow, spellcheckStaysLocal } from './window';

// Must happen before `ready`: a standard, secure scheme gets a real origin (and so its own
// IndexedDB, see origin.ts), and every renderer runs sandboxed whatever its options say.
// No corsEnabled: the bundle only loads from its own origin, and without it no other
// origin can read app:// responses.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

const devUrl = devServerUrl(process.env, app.isPackaged);
const appRoot = app.getAppPath();
const preloadPath = path.join(appRoot, 'dist-electron', 'preload.cjs');
const rendererRoot = path.join(appRoot, 'dist', 'renderer');

let mainWindow: BrowserWindow | null = null;
const openRequests = new OpenRequests();

/** Queue projects the OS asked us to open and nudge the renderer (which also asks once on start). */
function requestOpen(paths: string[]): void {
  if (openRequests.add(paths)) mainWindow?.webContents.send(OPEN_REQUESTED_CHANNEL);
}

function openMainWindow(): void {
  mainWindow = createMainWindow({
    preloadPath,
    url: devUrl?.href ?? APP_URL,
    dev: devUrl !== null,
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
    screens: screen.getAllDisplays().map((display) => display.workArea),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(MENU_COMMAND_CHANNEL, menuCommandEvent.parse({ command }));
}

function registerIpc(): void {
  const handlers = createHandlers({
    dialog,
    windowOf: (event) => BrowserWindow.fromWebContents(event.sender),
    writable: new WritablePaths(),
    takeOpenRequests: () => openRequests.take(),
    backupRoot: backupRootIn(app.getPath('userData')),
    defaultSaveDir: app.getPath('documents'),
    version: app.getVersion(),
  });
  const trusted = (url: string | undefined) => isTrustedSender(url, devUrl);
  for (const channel of Object.keys(ipcContract) as Channel[]) {
    // The cast pairs each channel with its own handler; the mapped type guarantees they match.
    registerHandler(ipcMain, channel, handlers[channel] as never, trusted);
  }
}

// A second launch (e.g. double-clicking another project) focuses the running app instead of
// opening a second window on the same IndexedDB.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  requestOpen(projectPathsFromArgv(process.argv, process.cwd()));

  // macOS delivers double-clicked files this way, possibly before ready.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (!isProjectFile(filePath)) return;
    requestOpen([filePath]);
    // On macOS the app may be running with every window closed.
    if (app.isReady() && !mainWindow) openMainWindow();
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    requestOpen(projectPathsFromArgv(argv, workingDirectory));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    denyNavigation(contents);
    attachContextMenu(contents);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app.setAboutPanelOptions({
    applicationName: app.name,
    applicationVersion: app.getVersion(),
    copyright: 'Free software under the MIT licence. Your data never leaves this computer.',
  });

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
    denyPermissions(session.defaultSession);
    // Not just off per window: the session would still fetch dictionaries (see window.ts).
    if (!spellcheckStaysLocal(process.platform)) session.defaultSession.setSpellCheckerEnabled(false);
    registerIpc();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate(sendMenuCommand, { platform: process.platform, dev: devUrl !== null, appName: app.name })),
    );
    openMainWindow();
  });
}
