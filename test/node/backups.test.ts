import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backUp,
  backupFolderFor,
  backupTime,
  deleteBackups,
  keptBackups,
  listBackups,
  readBackup,
  RECENT_BACKUPS,
  writeWithBackup,
} from '../../node/backups';

let dir: string;
let backups: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lantern-backups-'));
  backups = path.join(dir, 'userData', 'backups');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const utc = (iso: string) => new Date(iso);
const utcDay = (time: Date) => time.toISOString().slice(0, 10);

describe('keptBackups (which earlier versions stay)', () => {
  const now = utc('2026-03-20T12:00:00.000Z');

  it('keeps every backup while there are no more than the recent ones', () => {
    const times = ['2026-03-20T11:00:00Z', '2026-03-20T11:01:00Z', '2026-03-20T11:02:00Z'].map(utc);
    expect(keptBackups(times, now, { recent: 3, dayOf: utcDay })).toEqual(new Set([0, 1, 2]));
  });

  it('keeps the newest N saves plus the newest of each earlier day within 14 days', () => {
    const times = [
      '2026-03-20T11:59:00Z', // 0 recent
      '2026-03-20T11:58:00Z', // 1 recent
      '2026-03-20T09:00:00Z', // 2 same day as the recent ones, older: dropped
      '2026-03-19T18:00:00Z', // 3 newest of the 19th
      '2026-03-19T08:00:00Z', // 4 dropped
      '2026-03-10T10:00:00Z', // 5 only one on the 10th
      '2026-03-06T12:00:01Z', // 6 just inside 14 days
      '2026-03-06T11:59:59Z', // 7 just outside 14 days (and not newest of its day anyway)
      '2026-02-01T00:00:00Z', // 8 long ago: dropped
    ].map(utc);
    expect([...keptBackups(times, now, { recent: 2, days: 14, dayOf: utcDay })].sort((a, b) => a - b)).toEqual([
      0, 1, 3, 5, 6,
    ]);
  });

  it('does not keep a day older than 14 days, even its only backup', () => {
    const times = ['2026-03-20T11:00:00Z', '2026-03-05T10:00:00Z'].map(utc);
    expect(keptBackups(times, now, { recent: 1, days: 14, dayOf: utcDay })).toEqual(new Set([0]));
  });

  it('keeps the recent saves however old they are (a project untouched for a year still has its last versions)', () => {
    const times = ['2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z', '2025-01-03T00:00:00Z'].map(utc);
    expect(keptBackups(times, now, { recent: 2, dayOf: utcDay })).toEqual(new Set([1, 2]));
  });

  it('does not depend on the order it is given the times in', () => {
    const times = ['2026-03-18T10:00:00Z', '2026-03-20T10:00:00Z', '2026-03-18T12:00:00Z', '2026-03-20T11:00:00Z'].map(
      utc,
    );
    expect(keptBackups(times, now, { recent: 1, dayOf: utcDay })).toEqual(new Set([3, 2]));
  });

  it('counts days in the computer time zone by default', () => {
    // Two backups 1 hour apart across local midnight are on different local days.
    const a = new Date(2026, 2, 19, 23, 30);
    const b = new Date(2026, 2, 20, 0, 30);
    expect(keptBackups([a, b], new Date(2026, 2, 20, 1, 0), { recent: 0 })).toEqual(new Set([0, 1]));
  });
});

describe('backUp and listBackups', () => {
  it('keeps the previous version of a project before writeWithBackup overwrites it, in a private folder', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFile(target, 'v1');
    await writeWithBackup(target, new TextEncoder().encode('v2'), backups);
    expect(await readFile(target, 'utf8')).toBe('v2');
    const list = await listBackups(backups, target);
    expect(list).toHaveLength(1);
    expect(await readFile(list[0]!.path, 'utf8')).toBe('v1');
    expect(list[0]!.size).toBe(2);
    expect(list[0]!.name).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.qdpx$/);
    expect(backupTime(list[0]!.name)!.getTime()).toBe(list[0]!.savedAt.getTime());
    // Backups hold transcripts, so only the user may open their folders and files.
    expect((await stat(path.dirname(list[0]!.path))).mode & 0o777).toBe(0o700);
    expect((await stat(backups)).mode & 0o777).toBe(0o700);
    expect((await stat(list[0]!.path)).mode & 0o777).toBe(0o600);
  });

  it('makes no backup of a new file or of exports', async () => {
    await writeWithBackup(path.join(dir, 'new.qdpx'), new Uint8Array([1]), backups);
    await writeFile(path.join(dir, 'report.docx'), 'old');
    await writeWithBackup(path.join(dir, 'report.docx'), new Uint8Array([2]), backups);
    await expect(readdir(backups)).rejects.toThrow(/ENOENT/);
  });

  it(`keeps the newest ${RECENT_BACKUPS} versions saved in one sitting, newest first`, async () => {
    const target = path.join(dir, 'study.qdpx');
    const total = RECENT_BACKUPS + 3;
    for (let i = 0; i < total; i++) {
      await writeFile(target, `v${i}`);
      await backUp(target, backups, new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    }
    const list = await listBackups(backups, target);
    expect(list).toHaveLength(RECENT_BACKUPS);
    const contents = await Promise.all(list.map((b) => readFile(b.path, 'utf8')));
    expect(contents).toEqual(Array.from({ length: RECENT_BACKUPS }, (_, i) => `v${total - 1 - i}`));
    // Nothing else (no temporary copies) is left in the folder.
    expect(await readdir(backupFolderFor(backups, target))).toHaveLength(RECENT_BACKUPS);
  });

  it('keeps one version a day beyond the recent ones', async () => {
    const target = path.join(dir, 'study.qdpx');
    // Three saves a day for five days, at noon UTC (the same day in every time zone within ±11 h).
    for (let day = 1; day <= 5; day++) {
      for (let n = 0; n < 3; n++) {
        await writeFile(target, `day ${day} save ${n}`);
        await backUp(target, backups, new Date(Date.UTC(2026, 0, day, 12, n)));
      }
    }
    const contents = await Promise.all((await listBackups(backups, target)).map((b) => readFile(b.path, 'utf8')));
    const recent = contents.slice(0, RECENT_BACKUPS);
    expect(recent[0]).toBe('day 5 save 2');
    // The 10 recent reach back to day 2's last save; day 1 keeps only its newest.
    expect(recent.at(-1)).toBe('day 2 save 2');
    expect(contents.slice(RECENT_BACKUPS)).toEqual(['day 1 save 2']);
  });

  it('keeps projects of the same name in different folders apart', async () => {
    await mkdir(path.join(dir, 'a'));
    await mkdir(path.join(dir, 'b'));
    await writeFile(path.join(dir, 'a', 'study.qdpx'), 'A');
    await writeFile(path.join(dir, 'b', 'study.qdpx'), 'B');
    await backUp(path.join(dir, 'a', 'study.qdpx'), backups);
    await backUp(path.join(dir, 'b', 'study.qdpx'), backups);
    const folders = await readdir(backups);
    expect(folders).toHaveLength(2);
    expect(folders.every((f) => f.startsWith('study-'))).toBe(true);
    expect(await readFile((await listBackups(backups, path.join(dir, 'b', 'study.qdpx')))[0]!.path, 'utf8')).toBe('B');
  });

  it('lists nothing for a project without backups', async () => {
    expect(await listBackups(backups, path.join(dir, 'never.qdpx'))).toEqual([]);
  });
});

describe('readBackup and deleteBackups', () => {
  it('reads a backup by its name, and nothing outside the project folder', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFile(target, 'v1');
    await backUp(target, backups);
    const [backup] = await listBackups(backups, target);
    expect(new TextDecoder().decode(await readBackup(backups, target, backup!.name))).toBe('v1');
    await expect(readBackup(backups, target, '../../study.qdpx')).rejects.toThrow(/not the name of a backup/);
  });

  it('deletes every backup of one project and no other', async () => {
    const a = path.join(dir, 'a.qdpx');
    const b = path.join(dir, 'b.qdpx');
    await writeFile(a, 'A');
    await writeFile(b, 'B');
    await backUp(a, backups, new Date(Date.UTC(2026, 0, 1)));
    await backUp(a, backups, new Date(Date.UTC(2026, 0, 2)));
    await backUp(b, backups);
    expect(await deleteBackups(backups, a)).toBe(2);
    expect(await listBackups(backups, a)).toEqual([]);
    expect(await listBackups(backups, b)).toHaveLength(1);
    expect(await deleteBackups(backups, a)).toBe(0);
  });
});
