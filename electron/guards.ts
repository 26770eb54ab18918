/**
 * The page may never leave the app: no navigation, no new windows, no <webview>, no
 * permissions (camera, microphone, notifications, geolocation…). Applied to every
 * web contents the app creates, so a future window cannot forget them.
 */
import type { Session, WebContents } from 'electron';

/** Only what the guards touch, so tests can pass a fake. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function denyNavigation(contents: GuardedContents): void {
  // Reloads and loadURL from main do not emit these; links, form posts, drag-and-dropped files and
  // script-driven location changes do, and all of them would take the bridge to foreign content.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
