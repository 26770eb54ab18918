/**
 * Writing the user's files safely: atomically (a crash never leaves half a project),
 * with the previous version of a project kept as a backup, and only to paths the user
 * chose in a dialog this session (a compromised renderer cannot write anywhere else).
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** How many earlier versions of each project file are kept in the backup folder. */
export const BACKUPS_PER_FILE = 5;

/** Only project files get backups; exports (Word, CSV) are regenerated at will. */
export const isProjectFile = (filePath: string): boolean => path.extname(filePath).toLowerCase() === '.qdpx';

/**
 * Paths the user chose in a native dialog during this session. Save-dialog choices are
 * writable; open-dialog choices only when they are projects (Save overwrites the project
 * that was opened, never an imported transcript).
 */
export class WritablePaths {
  readonly #paths = new Set<string>();

  allowSaved(filePath: string): void {
    this.#paths.add(path.resolve(filePath));
  }

  allowOpened(filePath: string): void {
    if (isProjectFile(filePath)) this.#paths.add(path.resolve(filePath));
  }

  has(filePath: string): boolean {
    return path.isAbsolute(filePath) && this.#paths.has(path.resolve(filePath));
  }
}

/** One folder per project path, so two projects with the same name never share backups. */
function backupFolder(backupRoot: string, filePath: string): string {
  const absolute = path.resolve(filePath);
  const digest = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  const stem = path.basename(absolute, path.extname(absolute)).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 80);
  return path.join(backupRoot, `${stem}-${digest}`);
}

/** Copy the current file into the backup folder and drop all but the newest BACKUPS_PER_FILE copies. */
export async function backUp(filePath: string, backupRoot: string, now: Date = new Date()): Promise<string> {
  const folder = backupFolder(backupRoot, filePath);
  // Backups hold transcripts: readable by this user only.
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // ISO time sorts as text; colons are not allowed in Windows file names.
  const stamp = now.toISOString().replace(/:/g, '-');
  const target = path.join(folder, `${stamp}${path.extname(filePath)}`);
  await copyFile(filePath, target);
  const names = (await readdir(folder)).sort();
  for (const old of names.slice(0, Math.max(0, names.length - BACKUPS_PER_FILE))) {
    await rm(path.join(folder, old), { force: true });
  }
  return target;
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
 * Write `bytes` to `filePath` so that readers see either the old file or the whole new
 * one: write and flush a temporary file beside it, back up the old project, then rename
 * over. On any failure the temporary file is removed and the old file is untouched.
 */
export async function writeFileAtomic(
  filePath: string,
  bytes: Uint8Array,
  options: { backupRoot?: string } = {},
): Promise<void> {
  const dir = path.dirname(filePath);
  // Same folder as the target, so the rename stays on one file system and is atomic.
  const temp = path.join(dir, `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const mode = await existingMode(filePath);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      // Replacing must not loosen access: a project kept private (e.g. 0600) stays private.
      if (mode !== null) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backupRoot && isProjectFile(filePath) && mode !== null) {
      await backUp(filePath, options.backupRoot);
    }
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
