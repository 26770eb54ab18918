import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUPS_PER_FILE, backUp, WritablePaths, writeFileAtomic } from '../../electron/files';

// Wrap the real file system so single calls can be made to fail like a full disk would.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return { ...actual, rename: vi.fn(actual.rename), open: vi.fn(actual.open) };
});

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

let dir: string;
let backups: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lantern-files-'));
  backups = path.join(dir, 'userData', 'backups');
});

afterEach(async () => {
  vi.mocked(fs.rename).mockClear();
  await rm(dir, { recursive: true, force: true });
});

const text = (s: string) => new TextEncoder().encode(s);
const listBackups = async () => {
  const folders = await readdir(backups);
  expect(folders).toHaveLength(1);
  const folder = path.join(backups, folders[0]!);
  return (await readdir(folder)).sort().map((name) => path.join(folder, name));
};

describe('writeFileAtomic', () => {
  it('creates a new file and leaves nothing else behind', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFileAtomic(target, text('v1'), { backupRoot: backups });
    expect(await readFile(target, 'utf8')).toBe('v1');
    expect(await readdir(dir)).toEqual(['study.qdpx']);
  });

  it('keeps the previous version of a project as a backup before overwriting it', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFile(target, 'v1');
    await writeFileAtomic(target, text('v2'), { backupRoot: backups });
    expect(await readFile(target, 'utf8')).toBe('v2');
    const copies = await listBackups();
    expect(copies).toHaveLength(1);
    expect(await readFile(copies[0]!, 'utf8')).toBe('v1');
    expect(path.basename(copies[0]!)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.qdpx$/);
    // Backups hold transcripts, so only the user may open their folders.
    expect((await fs.stat(path.dirname(copies[0]!))).mode & 0o777).toBe(0o700);
    expect((await fs.stat(backups)).mode & 0o777).toBe(0o700);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const target = path.join(dir, 'private.qdpx');
    await writeFile(target, 'v1', { mode: 0o600 });
    await fs.chmod(target, 0o600);
    await writeFileAtomic(target, text('v2'), { backupRoot: backups });
    expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
  });

  it('does not back up exports', async () => {
    const target = path.join(dir, 'report.docx');
    await writeFile(target, 'old');
    await writeFileAtomic(target, text('new'), { backupRoot: backups });
    expect(await readFile(target, 'utf8')).toBe('new');
    await expect(readdir(backups)).rejects.toThrow(/ENOENT/);
  });

  it('leaves the old file whole and no temporary file when the write fails half way', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFile(target, 'the precious original');
    const actualOpen = (await vi.importActual<typeof fs>('node:fs/promises')).open;
    vi.mocked(fs.open).mockImplementationOnce(async (file, flags) => {
      const handle = await actualOpen(file, flags);
      return {
        writeFile: async (data: Uint8Array) => {
          await handle.writeFile(data.subarray(0, 3));
          throw diskFull();
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      } as unknown as fs.FileHandle;
    });
    await expect(writeFileAtomic(target, text('a much longer new version'), { backupRoot: backups })).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('the precious original');
    expect(await readdir(dir)).toEqual(['study.qdpx']);
  });

  it('leaves the old file and no temporary file when the final rename fails', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFile(target, 'v1');
    vi.mocked(fs.rename).mockRejectedValueOnce(diskFull());
    await expect(writeFileAtomic(target, text('v2'), { backupRoot: backups })).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('v1');
    expect((await readdir(dir)).filter((name) => name !== 'userData')).toEqual(['study.qdpx']);
  });

  it('cleans up when the target is a folder', async () => {
    const target = path.join(dir, 'folder.qdpx');
    await fs.mkdir(target);
    await expect(writeFileAtomic(target, text('x'))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['folder.qdpx']);
  });
});

describe('backUp', () => {
  it(`keeps only the newest ${BACKUPS_PER_FILE} versions of a file`, async () => {
    const target = path.join(dir, 'study.qdpx');
    for (let i = 0; i < BACKUPS_PER_FILE + 3; i++) {
      await writeFile(target, `v${i}`);
      await backUp(target, backups, new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
    }
    const copies = await listBackups();
    expect(copies).toHaveLength(BACKUPS_PER_FILE);
    expect(await Promise.all(copies.map((c) => readFile(c, 'utf8')))).toEqual(['v3', 'v4', 'v5', 'v6', 'v7']);
  });

  it('keeps projects of the same name in different folders apart', async () => {
    await fs.mkdir(path.join(dir, 'a'));
    await fs.mkdir(path.join(dir, 'b'));
    await writeFile(path.join(dir, 'a', 'study.qdpx'), 'A');
    await writeFile(path.join(dir, 'b', 'study.qdpx'), 'B');
    await backUp(path.join(dir, 'a', 'study.qdpx'), backups);
    await backUp(path.join(dir, 'b', 'study.qdpx'), backups);
    const folders = await readdir(backups);
    expect(folders).toHaveLength(2);
    expect(folders.every((f) => f.startsWith('study-'))).toBe(true);
  });
});

describe('WritablePaths', () => {
  it('allows what the user chose in a save dialog, and opened projects', () => {
    const paths = new WritablePaths();
    paths.allowSaved('/home/r/report.docx');
    paths.allowOpened('/home/r/study.qdpx');
    expect(paths.has('/home/r/report.docx')).toBe(true);
    expect(paths.has('/home/r/study.qdpx')).toBe(true);
    expect(paths.has('/home/r/x/../study.qdpx')).toBe(true);
  });

  it('refuses opened transcripts, unknown paths and relative paths', () => {
    const paths = new WritablePaths();
    paths.allowOpened('/home/r/interview-01.docx');
    paths.allowSaved('/home/r/study.qdpx');
    expect(paths.has('/home/r/interview-01.docx')).toBe(false);
    expect(paths.has('/home/r/other.qdpx')).toBe(false);
    expect(paths.has('/home/r/.bashrc')).toBe(false);
    expect(paths.has('study.qdpx')).toBe(false);
  });
});
