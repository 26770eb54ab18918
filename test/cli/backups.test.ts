/**
 * Saving from the command line: `qda` writes projects with the same writer as the desktop app
 * (node/atomic-write.ts), so a private project stays private and the version it replaces is
 * kept; `qda backups` lists those versions and `qda restore` writes one back out.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { readProjectFile } from '../../cli/project-file';
import { listBackups } from '../../node/backups';

let dir: string;
const file = (name: string) => path.join(dir, name);
const backupRoot = () => process.env.LANTERN_BACKUP_DIR!;

async function qda(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'qda-backups-'));
  writeFileSync(file('p99.txt'), 'Interviewer: Hello?\n\nP99: Hello.\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('qda saving a project', () => {
  it('keeps a private (0600) project private after qda import, and keeps its previous version', async () => {
    expect((await qda('demo', file('study.qdpx'))).code).toBe(0);
    chmodSync(file('study.qdpx'), 0o600);
    const before = readFileSync(file('study.qdpx'));
    const { code, err } = await qda('import', file('study.qdpx'), file('p99.txt'));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(statSync(file('study.qdpx')).mode & 0o777).toBe(0o600);
    const [backup, ...rest] = await listBackups(backupRoot(), file('study.qdpx'));
    expect(rest).toEqual([]);
    expect(readFileSync(backup!.path).equals(before)).toBe(true);
  });

  it('makes new projects readable by their owner only', async () => {
    await qda('demo', file('new.qdpx'));
    expect(statSync(file('new.qdpx')).mode & 0o777).toBe(0o600);
  });
});

describe('qda backups and qda restore', () => {
  it('lists the backups and restores one to a new file without touching the project or the backup', async () => {
    await qda('demo', file('study.qdpx'));
    const demoSources = (await readProjectFile(file('study.qdpx'))).sources.length;
    await qda('import', file('study.qdpx'), file('p99.txt'));
    const listed = await qda('backups', file('study.qdpx'));
    expect(listed.code).toBe(0);
    const [backup] = await listBackups(backupRoot(), file('study.qdpx'));
    expect(listed.out).toContain(`${file('study.qdpx')}: 1 backups in `);
    expect(listed.out).toContain(backup!.name);
    const json = JSON.parse((await qda('backups', file('study.qdpx'), '--json')).out) as {
      name: string;
      size: number;
    }[];
    expect(json).toEqual([expect.objectContaining({ name: backup!.name, size: backup!.size })]);

    const restored = await qda('restore', file('study.qdpx'), backup!.name, '-o', file('restored.qdpx'));
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect((await readProjectFile(file('restored.qdpx'))).sources).toHaveLength(demoSources);
    expect((await readProjectFile(file('study.qdpx'))).sources).toHaveLength(demoSources + 1);
    expect(await listBackups(backupRoot(), file('study.qdpx'))).toHaveLength(1);
  });

  it('restores the latest over the project itself, keeping the version it replaces as a backup', async () => {
    await qda('demo', file('study.qdpx'));
    await qda('import', file('study.qdpx'), file('p99.txt'));
    const imported = readFileSync(file('study.qdpx'));
    expect((await qda('restore', file('study.qdpx'), 'latest', '-o', file('study.qdpx'))).code).toBe(0);
    const backups = await listBackups(backupRoot(), file('study.qdpx'));
    expect(backups).toHaveLength(2);
    expect(readFileSync(backups[0]!.path).equals(imported)).toBe(true);
  });

  it('says what is wrong: no backups, an unknown name, no output', async () => {
    await qda('demo', file('study.qdpx'));
    expect(await qda('backups', file('study.qdpx'))).toMatchObject({
      code: 0,
      out: expect.stringContaining('no backups'),
    });
    expect(await qda('restore', file('study.qdpx'), 'latest', '-o', file('r.qdpx'))).toMatchObject({
      code: 2,
      err: `qda restore: ${file('study.qdpx')}: has no backups\n`,
    });
    await qda('import', file('study.qdpx'), file('p99.txt'));
    expect(
      await qda('restore', file('study.qdpx'), '2020-01-01T00-00-00.000Z.qdpx', '-o', file('r.qdpx')),
    ).toMatchObject({
      code: 2,
      err: expect.stringContaining('no backup named 2020-01-01T00-00-00.000Z.qdpx'),
    });
    expect((await qda('restore', file('study.qdpx'), 'latest')).code).toBe(1);
  });
});
