/**
 * The one way the desktop shell and the CLI write a user's file, so that a crash, a full
 * disk, a killed process or a power cut leaves either the old file or the whole new one:
 *
 * 1. a temporary file in the target's folder (so the rename stays on one file system),
 *    opened private (0600) and given the replaced file's mode before any data goes in, so
 *    transcripts are never readable by others, not even half-written;
 * 2. the data written and flushed to disk (fsync);
 * 3. optionally, the old version copied to the backup folder (backups.ts);
 * 4. renamed over the target, and the folder flushed so the rename itself is on disk;
 * 5. temporary files that killed saves of the same target left behind removed.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Mode of a new file: readable and writable by its owner only (projects hold transcripts). */
export const NEW_FILE_MODE = 0o600;

export interface AtomicWriteOptions {
  /** Called after the target's new data is on disk and before it replaces the old file (backups). */
  beforeReplace?: (filePath: string) => Promise<void>;
  /** Test hook: the temporary file exists with its final mode and no data yet. */
  onTempOpened?: (tempPath: string) => Promise<void> | void;
  /** Which platform's rules for syncing a folder apply (tests). */
  platform?: NodeJS.Platform;
}

/** `.study.qdpx.<pid>.<random>.tmp`: hidden, and names the process that wrote it. */
function tempName(baseName: string): string {
  return `.${baseName}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/** The process id in one of our temporary names for `baseName`, or null when the name is not one. */
export function tempOwner(name: string, baseName: string): number | null {
  const prefix = `.${baseName}.`;
  if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return null;
  const match = /^(\d+)\.[0-9a-f]{12}$/.exec(name.slice(prefix.length, -'.tmp'.length));
  return match ? Number(match[1]) : null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files of `baseName` in `dir` whose writer is no longer running (a save
 * that was killed or lost power). A save still in progress in another process is left alone.
 */
export async function removeStaleTemps(dir: string, baseName: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = tempOwner(name, baseName);
    if (pid !== null && pid !== process.pid && !isRunning(pid)) await rm(path.join(dir, name), { force: true });
  }
}

/** The permission bits of an existing file, or null when there is none to replace. */
async function existingMode(filePath: string): Promise<number | null> {
  try {
    const info = await stat(filePath);
    return info.isFile() ? info.mode & 0o777 : null;
  } catch {
    return null;
  }
}

/**
 * The new file replaced the old one, but its folder could not be flushed (a rare I/O error):
 * the new version is in place yet might not survive a power cut. Callers must not say the
 * old file is unchanged.
 */
export class NotFlushed extends Error {
  override readonly name = 'NotFlushed';
  constructor(
    readonly filePath: string,
    cause: unknown,
  ) {
    super(
      `${path.basename(filePath)} was saved, but its folder could not be flushed to disk (${cause instanceof Error ? cause.message : String(cause)})`,
      {
        cause,
      },
    );
  }
}

/** Windows cannot open a folder to flush it; there the rename is as durable as NTFS makes it. */
const FOLDER_SYNC_UNSUPPORTED_ON_WINDOWS = new Set(['EISDIR', 'EPERM', 'EACCES', 'EBADF', 'EINVAL']);

/** Flushes a folder's entries, so a rename in it survives a power cut. */
export async function syncFolder(dir: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (platform === 'win32' && FOLDER_SYNC_UNSUPPORTED_ON_WINDOWS.has((error as NodeJS.ErrnoException).code ?? ''))
      return;
    throw error;
  }
}

/**
 * Writes `data` to `filePath` so that readers see either the old file or the whole new one.
 * On failure before the rename the temporary file is removed and the old file is untouched;
 * errors are the file system's own (callers word them for their users).
 */
export async function writeFileAtomic(
  filePath: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = path.dirname(filePath);
  const baseName = path.basename(filePath);
  const temp = path.join(dir, tempName(baseName));
  const mode = await existingMode(filePath);
  try {
    // Created private whatever the umask; then given the replaced file's mode (chmod is not
    // subject to the umask), all before the first byte is written.
    const handle = await open(temp, 'wx', NEW_FILE_MODE);
    try {
      await handle.chmod(mode ?? NEW_FILE_MODE);
      await options.onTempOpened?.(temp);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== null) await options.beforeReplace?.(filePath);
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  try {
    await syncFolder(dir, options.platform);
  } catch (error) {
    throw new NotFlushed(filePath, error);
  }
  await removeStaleTemps(dir, baseName);
}
