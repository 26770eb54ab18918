import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotFlushed, removeStaleTemps, syncFolder, tempOwner, writeFileAtomic } from '../../node/atomic-write';

// Wrap the real file system so single calls can be made to fail like a full disk would.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return { ...actual, rename: vi.fn(actual.rename), open: vi.fn(actual.open) };
});

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
const text = (s: string) => new TextEncoder().encode(s);
const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

/** The pid of a process that has exited, for a temporary file whose writer is gone. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lantern-atomic-'));
});

afterEach(async () => {
  vi.mocked(fs.rename).mockClear();
  vi.mocked(fs.open).mockClear();
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a new file, private to its owner, and leaves nothing else behind', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFileAtomic(target, text('v1'));
    expect(await readFile(target, 'utf8')).toBe('v1');
    expect(await modeOf(target)).toBe(0o600);
    expect(await readdir(dir)).toEqual(['study.qdpx']);
  });

  it('keeps the permissions of the file it replaces, private or not', async () => {
    const target = path.join(dir, 'private.qdpx');
    await writeFile(target, 'v1');
    await fs.chmod(target, 0o600);
    await writeFileAtomic(target, text('v2'));
    expect(await modeOf(target)).toBe(0o600);
    await fs.chmod(target, 0o640);
    await writeFileAtomic(target, text('v3'));
    expect(await modeOf(target)).toBe(0o640);
  });

  it('gives the temporary file its final mode before any data is written, whatever the umask', async () => {
    const target = path.join(dir, 'study.qdpx');
    const seen: { mode: number; size: number; dir: string }[] = [];
    const observe = async (temp: string) => {
      const info = await stat(temp);
      seen.push({ mode: info.mode & 0o777, size: info.size, dir: path.dirname(temp) });
    };
    const oldMask = process.umask(0);
    try {
      await writeFileAtomic(target, text('v1'), { onTempOpened: observe });
      await fs.chmod(target, 0o640);
      await writeFileAtomic(target, text('v2'), { onTempOpened: observe });
    } finally {
      process.umask(oldMask);
    }
    expect(seen).toEqual([
      { mode: 0o600, size: 0, dir },
      { mode: 0o640, size: 0, dir },
    ]);
  });

  it('opens the temporary file with a private mode, so it is never created readable by others', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFileAtomic(target, text('v1'));
    const [tempPath, flags, mode] = vi.mocked(fs.open).mock.calls[0]!;
    expect(path.basename(String(tempPath))).toMatch(/^\.study\.qdpx\.\d+\.[0-9a-f]{12}\.tmp$/);
    expect(flags).toBe('wx');
    expect(mode).toBe(0o600);
  });

  it('flushes the folder after the rename, so the new name survives a power cut', async () => {
    const target = path.join(dir, 'study.qdpx');
    const order: string[] = [];
    vi.mocked(fs.rename).mockImplementationOnce(async (from, to) => {
      order.push('rename');
      const actual = (await vi.importActual<typeof fs>('node:fs/promises')).rename;
      return actual(from, to);
    });
    const actualOpen = (await vi.importActual<typeof fs>('node:fs/promises')).open;
    vi.mocked(fs.open).mockImplementation(async (file, flags, mode) => {
      const handle = await actualOpen(file, flags, mode);
      if (file === dir) {
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          order.push('sync folder');
          return sync();
        };
      }
      return handle;
    });
    try {
      await writeFileAtomic(target, text('v1'));
    } finally {
      vi.mocked(fs.open).mockImplementation(actualOpen);
    }
    expect(order).toEqual(['rename', 'sync folder']);
  });

  it('leaves the old file whole and no temporary file when the write fails half way', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFile(target, 'the precious original');
    const actualOpen = (await vi.importActual<typeof fs>('node:fs/promises')).open;
    vi.mocked(fs.open).mockImplementationOnce(async (file, flags, mode) => {
      const handle = await actualOpen(file, flags, mode);
      return {
        chmod: (m: number) => handle.chmod(m),
        writeFile: async (data: Uint8Array) => {
          await handle.writeFile(data.subarray(0, 3));
          throw diskFull();
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      } as unknown as fs.FileHandle;
    });
    await expect(writeFileAtomic(target, text('a much longer new version'))).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('the precious original');
    expect(await readdir(dir)).toEqual(['study.qdpx']);
  });

  it('leaves the old file and no temporary file when the final rename fails', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFile(target, 'v1');
    vi.mocked(fs.rename).mockRejectedValueOnce(diskFull());
    await expect(writeFileAtomic(target, text('v2'))).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('v1');
    expect(await readdir(dir)).toEqual(['study.qdpx']);
  });

  it('does not replace the file when the step before the rename (a backup) fails', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFile(target, 'v1');
    const beforeReplace = vi.fn(async () => {
      throw diskFull();
    });
    await expect(writeFileAtomic(target, text('v2'), { beforeReplace })).rejects.toThrow(/ENOSPC/);
    expect(beforeReplace).toHaveBeenCalledWith(target);
    expect(await readFile(target, 'utf8')).toBe('v1');
    expect(await readdir(dir)).toEqual(['study.qdpx']);
  });

  it('says the file was saved but not flushed when only the folder sync fails, never that the old file is unchanged', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFile(target, 'v1');
    const actualOpen = (await vi.importActual<typeof fs>('node:fs/promises')).open;
    vi.mocked(fs.open).mockImplementation(async (file, flags, mode) => {
      if (file === dir) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      return actualOpen(file, flags, mode);
    });
    try {
      const failure = await writeFileAtomic(target, text('v2')).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(NotFlushed);
      expect((failure as Error).message).toBe('study.qdpx was saved, but its folder could not be flushed to disk (EIO: i/o error, fsync)');
    } finally {
      vi.mocked(fs.open).mockImplementation(actualOpen);
    }
    expect(await readFile(target, 'utf8')).toBe('v2');
    expect(await readdir(dir)).toEqual(['study.qdpx']);
  });

  it('cleans up when the target is a folder', async () => {
    const target = path.join(dir, 'folder.qdpx');
    await fs.mkdir(target);
    await expect(writeFileAtomic(target, text('x'))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['folder.qdpx']);
  });

  it('removes temporary files a killed save of the same file left, and nothing else', async () => {
    const target = path.join(dir, 'study.qdpx');
    const dead = deadPid();
    const stale = `.study.qdpx.${dead}.0123456789ab.tmp`;
    const running = `.study.qdpx.${process.ppid}.0123456789ab.tmp`;
    const otherFile = `.notes.qdpx.${dead}.0123456789ab.tmp`;
    const notOurs = '.study.qdpx.backup.tmp';
    for (const name of [stale, running, otherFile, notOurs]) await writeFile(path.join(dir, name), 'half');
    await writeFileAtomic(target, text('v1'));
    expect((await readdir(dir)).sort()).toEqual([otherFile, running, notOurs, 'study.qdpx'].sort());
  });
});

describe('the pieces', () => {
  it('reads the writer back from a temporary name', () => {
    expect(tempOwner('.study.qdpx.4242.0123456789ab.tmp', 'study.qdpx')).toBe(4242);
    expect(tempOwner('.study.qdpx.4242.0123456789ab.tmp', 'other.qdpx')).toBeNull();
    expect(tempOwner('.study.qdpx.x.0123456789ab.tmp', 'study.qdpx')).toBeNull();
    expect(tempOwner('study.qdpx', 'study.qdpx')).toBeNull();
  });

  it('does nothing when the folder has gone', async () => {
    await expect(removeStaleTemps(path.join(dir, 'gone'), 'study.qdpx')).resolves.toBeUndefined();
  });

  it('ignores a folder that cannot be flushed only on Windows', async () => {
    const refuse = Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
    vi.mocked(fs.open).mockRejectedValueOnce(refuse);
    await expect(syncFolder(dir, 'win32')).resolves.toBeUndefined();
    vi.mocked(fs.open).mockRejectedValueOnce(refuse);
    await expect(syncFolder(dir, 'linux')).rejects.toThrow(/EISDIR/);
  });
});
