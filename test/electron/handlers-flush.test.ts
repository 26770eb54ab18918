/** A save whose folder cannot be flushed replaced the file: the message must say so, not "unchanged". */
import * as fs from 'node:fs/promises';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, expect, it, vi } from 'vitest';
import { WritablePaths } from '../../electron/files';
import { createHandlers } from '../../electron/handlers';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return { ...actual, open: vi.fn(actual.open) };
});

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('file:write reports a saved file whose folder could not be flushed as saved', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lantern-flush-'));
  const target = path.join(dir, 'study.qdpx');
  await writeFile(target, 'v1');
  const writable = new WritablePaths();
  writable.allowSaved(target);
  const handlers = createHandlers({
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    windowOf: () => null,
    writable,
    takeOpenRequests: () => [],
    backupRoot: path.join(dir, 'backups'),
    defaultSaveDir: dir,
    version: '0.1.0',
  });
  const actualOpen = (await vi.importActual<typeof fs>('node:fs/promises')).open;
  vi.mocked(fs.open).mockImplementation(async (file, flags, mode) => {
    if (file === dir) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    return actualOpen(file, flags, mode);
  });
  await expect(handlers['file:write']({ path: target, bytes: new TextEncoder().encode('v2') }, {} as IpcMainInvokeEvent)).rejects.toThrow(
    'Saved study.qdpx, but EIO: i/o error while flushing its folder: save again to be sure it is on disk',
  );
  expect(await readFile(target, 'utf8')).toBe('v2');
});
