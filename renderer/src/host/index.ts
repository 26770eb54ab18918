/** The renderer's one way to reach the machine: `getHost()`. */
import { browserHost } from './browser';
// eslint-disable-next-line no-restricted-imports -- the sibling adapter file, not the electron package the rule keeps out
import { electronHost } from './electron';
import type { Host } from './types';

export type { BackupInfo, BackupOutcome, FileFilter, Host, MenuCommand, PickedFile } from './types';
export { SaveAsRequired } from './errors';

let host: Host | undefined;

/** The desktop bridge when the preload provided one, the browser otherwise; chosen once. */
export function getHost(): Host {
  host ??= typeof window !== 'undefined' && window.lantern ? electronHost(window.lantern) : browserHost();
  return host;
}
