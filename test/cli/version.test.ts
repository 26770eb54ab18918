/** `qda --version` prints the version of the package.json it ships with, not a number typed into the code. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { PACKAGE_JSON, packageVersion } from '../../cli/version';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'qda-version-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('qda --version', () => {
  it('prints the version in the repository package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(PACKAGE_JSON).toBe(join(root, 'package.json'));
    let out = '';
    expect(await main(['--version'], { out: (s) => (out += s), err: () => undefined })).toBe(0);
    expect(out).toBe(`${version}\n`);
  });

  it('reads whatever version the package file holds, when it is asked', () => {
    const file = join(dir, 'package.json');
    writeFileSync(file, JSON.stringify({ name: 'x', version: '9.8.7-beta.1' }));
    expect(packageVersion(file)).toBe('9.8.7-beta.1');
    writeFileSync(file, '{"name": "x"}');
    expect(() => packageVersion(file)).toThrow(`${file} has no "version" string`);
    writeFileSync(file, '{oops');
    expect(() => packageVersion(file)).toThrow(`${file} is not valid JSON`);
  });

  it('works from the installed command, as a user types it', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(execFileSync(process.execPath, [join(root, 'cli/qda.mjs'), '--version'], { encoding: 'utf8' })).toBe(`${version}\n`);
  });
});
