import { describe, expect, it } from 'vitest';
import { menuCommands } from '../../shared/ipc/bridge';
import { ipcContract, MAX_FILE_BYTES, menuCommandEvent } from '../../shared/ipc/contract';

const bytes = new Uint8Array([1, 2, 3]);
const filters = [{ name: 'Projects', extensions: ['qdpx'] }];

describe('IPC contract', () => {
  it('accepts well-formed requests for every channel', () => {
    expect(ipcContract['dialog:openFiles'].request.safeParse({ title: 'Open', filters, multiple: true }).success).toBe(true);
    expect(
      ipcContract['dialog:saveFile'].request.safeParse({ title: 'Save', suggestedName: 'study.qdpx', filters, bytes }).success,
    ).toBe(true);
    expect(ipcContract['file:write'].request.safeParse({ path: '/home/r/study.qdpx', bytes }).success).toBe(true);
    expect(ipcContract['app:getVersion'].request.safeParse(undefined).success).toBe(true);
    expect(ipcContract['backups:list'].request.safeParse({ path: '/home/r/study.qdpx' }).success).toBe(true);
    expect(ipcContract['backups:read'].request.safeParse({ path: '/home/r/study.qdpx', name: '2026-01-31T09-15-00.000Z.qdpx' }).success).toBe(
      true,
    );
  });

  it('accepts Node buffers as bytes, since main reads files into them', () => {
    expect(ipcContract['file:write'].request.safeParse({ path: '/x.qdpx', bytes: Buffer.from('abc') }).success).toBe(true);
  });

  it.each([
    ['missing multiple', 'dialog:openFiles', { title: 'Open', filters }],
    ['extension with a dot', 'dialog:openFiles', { title: 'Open', filters: [{ name: 'P', extensions: ['.qdpx'] }], multiple: false }],
    ['extension with a path', 'dialog:openFiles', { title: 'Open', filters: [{ name: 'P', extensions: ['../x'] }], multiple: false }],
    ['an unknown key', 'dialog:openFiles', { title: 'Open', filters, multiple: false, defaultPath: '/etc' }],
    ['bytes as a plain array', 'dialog:saveFile', { title: 'Save', suggestedName: 'a.qdpx', filters, bytes: [1, 2, 3] }],
    ['bytes as a string', 'file:write', { path: '/a.qdpx', bytes: 'abc' }],
    ['an empty name', 'dialog:saveFile', { title: 'Save', suggestedName: '', filters, bytes }],
    ['an empty path', 'file:write', { path: '', bytes }],
    ['a number as path', 'file:write', { path: 42, bytes }],
    ['any argument to getVersion', 'app:getVersion', { evil: true }],
    ['no payload at all', 'file:write', undefined],
    ['a backup name that leaves its folder', 'backups:read', { path: '/a.qdpx', name: '../../etc/passwd' }],
    ['a backup name that is not a time', 'backups:read', { path: '/a.qdpx', name: 'study.qdpx' }],
  ] as const)('rejects %s', (_label, channel, payload) => {
    expect(ipcContract[channel].request.safeParse(payload).success).toBe(false);
  });

  it('rejects files over the size limit', () => {
    // A length that claims to be over the limit, rather than allocating half a gigabyte.
    const huge = Object.defineProperty(new Uint8Array(1), 'byteLength', { value: MAX_FILE_BYTES + 1 });
    expect(ipcContract['file:write'].request.safeParse({ path: '/a.qdpx', bytes: huge }).success).toBe(false);
  });

  it('checks responses too', () => {
    expect(ipcContract['dialog:openFiles'].response.safeParse([{ name: 'a.txt', path: '/a.txt', bytes }]).success).toBe(true);
    expect(ipcContract['dialog:openFiles'].response.safeParse([{ name: 'a.txt', bytes }]).success).toBe(false);
    expect(ipcContract['dialog:saveFile'].response.safeParse(null).success).toBe(true);
    expect(ipcContract['app:getVersion'].response.safeParse(1).success).toBe(false);
    const backup = { name: '2026-01-31T09-15-00.000Z.qdpx', savedAt: '2026-01-31T09:15:00.000Z', size: 12 };
    expect(ipcContract['backups:list'].response.safeParse([backup]).success).toBe(true);
    expect(ipcContract['backups:list'].response.safeParse([{ ...backup, size: -1 }]).success).toBe(false);
  });

  it('knows every menu command and nothing else', () => {
    for (const command of menuCommands) expect(menuCommandEvent.safeParse({ command }).success).toBe(true);
    expect(menuCommandEvent.safeParse({ command: 'deleteEverything' }).success).toBe(false);
  });
});
