/**
 * Reading the files a user names and writing the files a command makes. Every read failure
 * names the file and the problem; every write is atomic (a temporary file in the same
 * folder, synced, then renamed over the target), so a crash, a full disk or a killed
 * process never leaves half a file where the old one was.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw new CliError(`${path} could not be written: ${describe(error)}`);
  }
  // Make the rename itself durable where the platform allows syncing a folder.
  try {
    const dir = await open(dirname(path), 'r');
    await dir.sync().catch(() => undefined);
    await dir.close();
  } catch {
    // Windows cannot open folders; the rename is still atomic there.
  }
}
