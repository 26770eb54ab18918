/**
 * Earlier versions of project files, kept so a bad save, a wrong merge or a deleted code can
 * be undone from outside the app. Before a project is overwritten its previous version is
 * copied to a folder of its own (one per project path, readable by this user only); which
 * copies stay is decided by `keptBackups`, a pure function of their times.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { removeStaleTemps, syncFolder, writeFileAtomic, type AtomicWriteOptions } from './atomic-write';

/** The newest saves always kept, however close together. */
export const RECENT_BACKUPS = 10;
/** Besides those, the newest backup of each of this many days. */
export const DAILY_BACKUP_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Only project files get backups; exports (Word, CSV) are regenerated at will. */
export const isProjectFile = (filePath: string): boolean => path.extname(filePath).toLowerCase() === '.qdpx';

export interface Backup {
  /** File name inside the project's backup folder, e.g. `2026-12-07T14-03-12.345Z.qdpx`. */
  name: string;
  path: string;
  savedAt: Date;
  size: number;
}

/** One folder per project path, so two projects with the same name never share backups. */
export function backupFolderFor(backupRoot: string, projectPath: string): string {
  const absolute = path.resolve(projectPath);
  const digest = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  const stem = path
    .basename(absolute, path.extname(absolute))
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .slice(0, 80);
  return path.join(backupRoot, `${stem}-${digest}`);
}

// ISO time sorts as text; colons are not allowed in Windows file names.
const BACKUP_NAME = /^(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d\.\d{3}Z)\.qdpx$/;

function backupName(time: Date): string {
  return `${time.toISOString().replace(/:/g, '-')}.qdpx`;
}

/** When a backup was made, from its name; null for anything that is not one of ours. */
export function backupTime(name: string): Date | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const time = new Date(`${match[1]}:${match[2]}:${match[3]}`);
  return Number.isNaN(time.getTime()) ? null : time;
}

/** A calendar day in the computer's time zone, so "one a day" follows the user's days. */
export function localDay(time: Date): string {
  return `${time.getFullYear()}-${time.getMonth() + 1}-${time.getDate()}`;
}

/**
 * Which backups to keep, given when each was made: the `recent` newest, plus the newest of
 * each day within the last `days` days. Returns the indexes into `times` to keep.
 */
export function keptBackups(
  times: readonly Date[],
  now: Date,
  options: { recent?: number; days?: number; dayOf?: (time: Date) => string } = {},
): Set<number> {
  const { recent = RECENT_BACKUPS, days = DAILY_BACKUP_DAYS, dayOf = localDay } = options;
  const newestFirst = times.map((time, index) => ({ time: time.getTime(), index })).sort((a, b) => b.time - a.time);
  const keep = new Set(newestFirst.slice(0, recent).map((entry) => entry.index));
  const since = now.getTime() - days * DAY_MS;
  const daysSeen = new Set<string>();
  for (const { time, index } of newestFirst) {
    if (time < since) break;
    const day = dayOf(new Date(time));
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(index);
  }
  return keep;
}

/** The backups of a project, newest first; empty when it has none. */
export async function listBackups(backupRoot: string, projectPath: string): Promise<Backup[]> {
  const folder = backupFolderFor(backupRoot, projectPath);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: Backup[] = [];
  for (const name of names) {
    const savedAt = backupTime(name);
    if (!savedAt) continue;
    const file = path.join(folder, name);
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) backups.push({ name, path: file, savedAt, size: info.size });
  }
  return backups.sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime());
}

/** The bytes of one backup of a project, named as listBackups names it (nothing outside its folder). */
export async function readBackup(backupRoot: string, projectPath: string, name: string): Promise<Uint8Array> {
  if (!backupTime(name)) throw new Error(`${name} is not the name of a backup`);
  return new Uint8Array(await readFile(path.join(backupFolderFor(backupRoot, projectPath), name)));
}

/** Deletes every backup of a project (and its folder); returns how many there were. */
export async function deleteBackups(backupRoot: string, projectPath: string): Promise<number> {
  const count = (await listBackups(backupRoot, projectPath)).length;
  await rm(backupFolderFor(backupRoot, projectPath), { recursive: true, force: true });
  return count;
}

/** Drops the backups keptBackups does not keep. */
async function prune(backupRoot: string, projectPath: string, now: Date): Promise<void> {
  const backups = await listBackups(backupRoot, projectPath);
  const keep = keptBackups(
    backups.map((b) => b.savedAt),
    now,
  );
  for (const [index, backup] of backups.entries()) if (!keep.has(index)) await rm(backup.path, { force: true });
}

/**
 * Copies the project as it is now into its backup folder (through a temporary file, so a
 * half-copied backup never looks like a backup), then prunes. Returns the backup's path.
 */
export async function backUp(projectPath: string, backupRoot: string, now: Date = new Date()): Promise<string> {
  const folder = backupFolderFor(backupRoot, projectPath);
  // Backups hold transcripts: readable by this user only, whatever the umask.
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  const name = backupName(now);
  const target = path.join(folder, name);
  const temp = path.join(folder, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await copyFile(projectPath, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.chmod(0o600);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
  await prune(backupRoot, projectPath, now);
  await removeStaleBackupTemps(folder);
  return target;
}

/** Temporary copies in a backup folder whose writer was killed. */
async function removeStaleBackupTemps(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    const base = /^\.(.+\.qdpx)\.\d+\.[0-9a-f]{12}\.tmp$/.exec(name)?.[1];
    if (base) await removeStaleTemps(folder, base);
  }
}

/** writeFileAtomic, first copying a project's previous version to its backup folder (other files get none). */
export function writeWithBackup(
  filePath: string,
  data: Uint8Array | string,
  backupRoot: string,
  options: Omit<AtomicWriteOptions, 'beforeReplace'> = {},
): Promise<void> {
  if (!isProjectFile(filePath)) return writeFileAtomic(filePath, data, options);
  return writeFileAtomic(filePath, data, {
    ...options,
    beforeReplace: async (target) => void (await backUp(target, backupRoot)),
  });
}
