/**
 * Reading the files a user names and writing the files a command makes. Every read failure
 * names the file and the problem; every write goes through node/atomic-write.ts, so a crash,
 * a full disk, a killed process or a power cut never leaves half a file where the old one was.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic as atomicWrite, NotFlushed } from '../node/atomic-write';
import { writeWithBackup } from '../node/backups';
import { defaultBackupRoot } from '../node/data-dir';
import { CliError } from './io';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`);
    if (code === 'EISDIR') throw new CliError(`${path} is a folder, not a file`);
    if (code === 'EACCES') throw new CliError(`${path}: permission denied`);
    throw new CliError(`${path} could not be read: ${describe(error)}`);
  }
}

/** node/atomic-write.ts (the one writer the desktop app uses too), with a failure naming the file. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  try {
    await atomicWrite(path, data);
  } catch (error) {
    if (error instanceof NotFlushed) throw new CliError(`${path}: ${error.message}; run the command again to be sure it is on disk`);
    throw new CliError(`${path} could not be written: ${describe(error)}`);
  }
}

/** Like writeFileAtomic, first keeping the previous version of a project in its backup folder (`qda backups`). */
export async function writeProjectBytes(path: string, data: Uint8Array): Promise<void> {
  try {
    await writeWithBackup(path, data, defaultBackupRoot());
  } catch (error) {
    if (error instanceof NotFlushed) throw new CliError(`${path}: ${error.message}; run the command again to be sure it is on disk`);
    throw new CliError(`${path} could not be written: ${describe(error)}; the file on disk is unchanged`);
  }
}
