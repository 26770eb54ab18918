/**
 * Writing a command's output file (a report, an export): checked up front so a long
 * report does not fail at the very end (cli/files.ts writes it atomically).
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { CliError, usageError } from './io';

/** Fails early, naming the file, when the output cannot be written where asked. */
export async function checkOutputPath(path: string, extensions: readonly string[]): Promise<void> {
  const ext = extname(path).toLowerCase().replace(/^\./, '');
  if (!extensions.includes(ext))
    throw usageError(`${path}: the output file must end in ${extensions.map((e) => `.${e}`).join(' or ')}`);
  const dir = dirname(resolve(path));
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new CliError(`${path}: the folder ${dir} does not exist`);
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new CliError(`${path} is a folder, not a file`);
}

/** A Word template (.docx or .dotx) the user named, read whole; its contents are checked when it is applied. */
export async function readTemplate(path: string): Promise<{ bytes: Uint8Array; name: string }> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new CliError(`${path}: no such template file`);
  if (!info.isFile()) throw new CliError(`${path} is not a file`);
  if (info.size > 64 * 1024 * 1024)
    throw new CliError(`${path} is too large for a Word template (${Math.round(info.size / 1024 / 1024)} MB)`);
  return { bytes: new Uint8Array(await readFile(path)), name: path };
}
