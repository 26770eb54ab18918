/**
 * Restore from backup: the desktop app keeps earlier versions of a project file each time it
 * is overwritten (node/backups.ts). Restoring opens the chosen version as the project through
 * the normal open path; nothing on disk is changed or deleted, and the project is not tied to
 * any file, so the next Save asks where (choosing the original file keeps the version it
 * replaces as a backup too).
 */
import type { BackupInfo } from '../host';
import { openProjectBytes } from './project-files';
import type { AppServices } from './services';

/** What the dialog can offer for the open project: its backups, or why there are none. */
export type BackupChoice =
  | { kind: 'unsupported' }
  | { kind: 'no-project' }
  | { kind: 'not-saved' }
  | { kind: 'backups'; fileName: string; filePath: string; backups: BackupInfo[] };

export const NO_BACKUPS_IN_BROWSER =
  'Backups of project files are kept by the desktop app. In the browser your project lives in the browser’s storage; download a copy with Save as.';

export async function backupChoice(services: Pick<AppServices, 'host' | 'session' | 'catalog'>): Promise<BackupChoice> {
  const h = services.host;
  if (!h.listBackups || !h.readBackup) return { kind: 'unsupported' };
  const store = services.session.state.get().store;
  if (!store) return { kind: 'no-project' };
  const entry = await services.catalog.projects.get(store.id);
  if (!entry?.filePath) return { kind: 'not-saved' };
  const fileName = entry.fileName ?? entry.filePath.split(/[\\/]/).pop() ?? entry.filePath;
  return { kind: 'backups', fileName, filePath: entry.filePath, backups: await h.listBackups(entry.filePath) };
}

/** Opens one backup as the project. Resolves false when the user cancelled the open. */
export async function restoreBackup(
  services: Pick<AppServices, 'host' | 'session'>,
  filePath: string,
  fileName: string,
  backup: BackupInfo,
): Promise<boolean> {
  const h = services.host;
  if (!h.readBackup) throw new Error(NO_BACKUPS_IN_BROWSER);
  const file = await h.readBackup(filePath, backup.name);
  return (await openProjectBytes(services, { name: `backup of ${fileName}`, bytes: file.bytes }, { asCopy: true })) !== null;
}

/** "Mon 7 Dec 2026, 14:03:12" in the user's locale and time zone. */
export function backupWhen(savedAt: string): string {
  return new Date(savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function backupSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
