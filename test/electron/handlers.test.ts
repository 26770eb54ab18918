import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WritablePaths } from '../../electron/files';
import { createHandlers, type HandlerDeps } from '../../electron/handlers';
import { MAX_FILE_BYTES } from '../../shared/ipc/contract';

let dir: string;
let deps: HandlerDeps;
const event = {} as IpcMainInvokeEvent;
const filters = [{ name: 'Projects', extensions: ['qdpx'] }];
const text = (s: string) => new TextEncoder().encode(s);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lantern-handlers-'));
  deps = {
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    windowOf: () => null,
    writable: new WritablePaths(),
    takeOpenRequests: () => [],
    backupRoot: path.join(dir, 'backups'),
    defaultSaveDir: path.join(dir, 'Documents'),
    version: '0.1.0',
  };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const chooseToOpen = (...filePaths: string[]) =>
  vi.mocked(deps.dialog.showOpenDialog).mockResolvedValueOnce({ canceled: filePaths.length === 0, filePaths });
const chooseToSave = (filePath: string | undefined) =>
  vi.mocked(deps.dialog.showSaveDialog).mockResolvedValueOnce({ canceled: filePath === undefined, filePath: filePath ?? '' });

describe('dialog:openFiles', () => {
  it('reads the chosen files', async () => {
    const a = path.join(dir, 'interview-01.txt');
    const b = path.join(dir, 'study.qdpx');
    await writeFile(a, 'Interviewer: Hello');
    await writeFile(b, 'PK');
    chooseToOpen(a, b);
    const files = await createHandlers(deps)['dialog:openFiles']({ title: 'Import', filters, multiple: true }, event);
    expect(files.map((f) => [f.name, f.path, new TextDecoder().decode(f.bytes)])).toEqual([
      ['interview-01.txt', a, 'Interviewer: Hello'],
      ['study.qdpx', b, 'PK'],
    ]);
    expect(vi.mocked(deps.dialog.showOpenDialog).mock.calls[0]![0]).toMatchObject({ properties: ['openFile', 'multiSelections'] });
  });

  it('makes an opened project, but not an opened transcript, writable', async () => {
    const a = path.join(dir, 'interview-01.txt');
    const b = path.join(dir, 'study.qdpx');
    await writeFile(a, 'x');
    await writeFile(b, 'x');
    chooseToOpen(a, b);
    await createHandlers(deps)['dialog:openFiles']({ title: 'Open', filters, multiple: true }, event);
    expect(deps.writable.has(b)).toBe(true);
    expect(deps.writable.has(a)).toBe(false);
  });

  it('returns nothing when cancelled', async () => {
    chooseToOpen();
    expect(await createHandlers(deps)['dialog:openFiles']({ title: 'Open', filters, multiple: false }, event)).toEqual([]);
  });

  it('names the file that is too large, without reading it', async () => {
    const big = path.join(dir, 'huge.txt');
    await writeFile(big, '');
    await truncate(big, MAX_FILE_BYTES + 1); // sparse: no disk space used
    chooseToOpen(big);
    await expect(createHandlers(deps)['dialog:openFiles']({ title: 'Open', filters, multiple: false }, event)).rejects.toThrow(
      /Cannot open huge\.txt: it is 512 MB, more than the 512 MB limit/,
    );
  });

  it('names a file that vanished between choosing and reading', async () => {
    chooseToOpen(path.join(dir, 'gone.qdpx'));
    await expect(createHandlers(deps)['dialog:openFiles']({ title: 'Open', filters, multiple: false }, event)).rejects.toThrow(
      'Cannot open gone.qdpx: the file or its folder does not exist',
    );
  });
});

describe('dialog:saveFile', () => {
  it('writes where the user chose and remembers the path for later saves', async () => {
    const target = path.join(dir, 'study.qdpx');
    chooseToSave(target);
    const saved = await createHandlers(deps)['dialog:saveFile']({ title: 'Save', suggestedName: 'study.qdpx', filters, bytes: text('v1') }, event);
    expect(saved).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('v1');
    expect(deps.writable.has(target)).toBe(true);
  });

  it('suggests only a file name, inside the default folder', async () => {
    chooseToSave(undefined);
    await createHandlers(deps)['dialog:saveFile']({ title: 'Save', suggestedName: '../../etc/evil.qdpx', filters, bytes: text('x') }, event);
    expect(vi.mocked(deps.dialog.showSaveDialog).mock.calls[0]![0]).toMatchObject({ defaultPath: path.join(dir, 'Documents', 'evil.qdpx') });
  });

  it('writes nothing when cancelled', async () => {
    chooseToSave(undefined);
    expect(await createHandlers(deps)['dialog:saveFile']({ title: 'Save', suggestedName: 'a.qdpx', filters, bytes: text('x') }, event)).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('file:write', () => {
  it('refuses a path the user never chose', async () => {
    const target = path.join(dir, 'study.qdpx');
    await writeFile(target, 'original');
    await expect(createHandlers(deps)['file:write']({ path: target, bytes: text('evil') }, event)).rejects.toMatchObject({
      message: 'Cannot save study.qdpx in place: choose where to save it with Save As',
      code: 'save-as-required',
    });
    expect(await readFile(target, 'utf8')).toBe('original');
  });

  it('overwrites a chosen project and keeps the previous version in the backups', async () => {
    const target = path.join(dir, 'study.qdpx');
    const handlers = createHandlers(deps);
    chooseToSave(target);
    await handlers['dialog:saveFile']({ title: 'Save', suggestedName: 'study.qdpx', filters, bytes: text('v1') }, event);
    await handlers['file:write']({ path: target, bytes: text('v2') }, event);
    expect(await readFile(target, 'utf8')).toBe('v2');
    const [folder] = await readdir(deps.backupRoot);
    const [copy] = await readdir(path.join(deps.backupRoot, folder!));
    expect(await readFile(path.join(deps.backupRoot, folder!, copy!), 'utf8')).toBe('v1');
  });

  it('reports a failed write by file name and keeps the file on disk', async () => {
    const folder = path.join(dir, 'removed-later');
    await mkdir(folder);
    const target = path.join(folder, 'study.qdpx');
    await writeFile(target, 'original');
    deps.writable.allowSaved(target);
    await rm(folder, { recursive: true });
    await expect(createHandlers(deps)['file:write']({ path: target, bytes: text('v2') }, event)).rejects.toThrow(
      'Cannot save study.qdpx: the file or its folder does not exist; the file on disk is unchanged',
    );
  });
});

describe('backups:list and backups:read', () => {
  it('lists the backups of a project with their times and sizes, and reads one without touching the project', async () => {
    const target = path.join(dir, 'study.qdpx');
    const handlers = createHandlers(deps);
    chooseToSave(target);
    await handlers['dialog:saveFile']({ title: 'Save', suggestedName: 'study.qdpx', filters, bytes: text('first') }, event);
    await handlers['file:write']({ path: target, bytes: text('second') }, event);
    const list = await handlers['backups:list']({ path: target }, event);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ size: 5 });
    expect(new Date(list[0]!.savedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const backup = await handlers['backups:read']({ path: target, name: list[0]!.name }, event);
    expect(backup.name).toBe('study.qdpx');
    expect(new TextDecoder().decode(backup.bytes)).toBe('first');
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await handlers['backups:list']({ path: target }, event)).toHaveLength(1);
  });

  it('lists nothing for a project never overwritten, and names the project when a backup is gone', async () => {
    const target = path.join(dir, 'new.qdpx');
    const handlers = createHandlers(deps);
    expect(await handlers['backups:list']({ path: target }, event)).toEqual([]);
    await expect(handlers['backups:read']({ path: target, name: '2026-01-31T09-15-00.000Z.qdpx' }, event)).rejects.toThrow(
      'Cannot open the backup of new.qdpx from 2026-01-31T09-15-00.000Z.qdpx: the file or its folder does not exist',
    );
  });
});

describe('app:getVersion', () => {
  it('answers the app version', async () => {
    expect(await createHandlers(deps)['app:getVersion'](undefined, event)).toBe('0.1.0');
  });
});

describe('app:takeOpenRequests', () => {
  it('reads the projects the OS asked to open and makes them writable', async () => {
    const project = path.join(dir, 'study.qdpx');
    await writeFile(project, 'PK');
    deps.takeOpenRequests = () => [project];
    const files = await createHandlers(deps)['app:takeOpenRequests'](undefined, event);
    expect(files.map((f) => ({ ...f, bytes: [...f.bytes] }))).toEqual([{ name: 'study.qdpx', path: project, bytes: [80, 75] }]);
    expect(deps.writable.has(project)).toBe(true);
  });

  it('names a requested project that cannot be read', async () => {
    deps.takeOpenRequests = () => [path.join(dir, 'deleted.qdpx')];
    await expect(createHandlers(deps)['app:takeOpenRequests'](undefined, event)).rejects.toThrow(
      'Cannot open deleted.qdpx: the file or its folder does not exist',
    );
  });
});
