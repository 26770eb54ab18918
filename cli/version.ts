/** `qda --version`: the version in the package.json this CLI ships with, read when asked so it never drifts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CliError } from './io';

export const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));

const manifest = z.object({ version: z.string().min(1) });

export function packageVersion(file: string = PACKAGE_JSON): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file} could not be read: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not valid JSON`);
  }
  const parsed = manifest.safeParse(data);
  if (!parsed.success) throw new CliError(`${file} has no "version" string`);
  return parsed.data.version;
}
