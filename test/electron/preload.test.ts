import { describe, expect, it, vi } from 'vitest';
import type { LanternBridge } from '../../shared/ipc/bridge';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api) },
  ipcRenderer: {
    invoke: bridge.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!bridge.listeners.has(channel)) bridge.listeners.set(channel, new Set());
      bridge.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => bridge.listeners.get(channel)?.delete(listener),
  },
}));

await import('../../electron/preload');
const lantern = bridge.exposed.get('lantern') as LanternBridge;

describe('preload', () => {
  it('exposes only window.lantern, with one named method per channel and nothing generic', () => {
    expect([...bridge.exposed.keys()]).toEqual(['lantern']);
    expect(Object.keys(lantern).sort()).toEqual([
      'deleteProjectBackups',
      'getVersion',
      'listBackups',
      'onMenuCommand',
      'onOpenRequested',
      'openFiles',
      'readBackup',
      'saveFile',
      'takeOpenRequests',
      'withdrawFromBackups',
      'writeFile',
    ]);
  });

  it.each([
    ['openFiles', 'dialog:openFiles', { title: 'Open', filters: [], multiple: false }],
    ['saveFile', 'dialog:saveFile', { title: 'Save', suggestedName: 'a.qdpx', filters: [], bytes: new Uint8Array(1) }],
    ['writeFile', 'file:write', { path: '/a.qdpx', bytes: new Uint8Array(1) }],
    ['listBackups', 'backups:list', { path: '/a.qdpx' }],
    ['readBackup', 'backups:read', { path: '/a.qdpx', name: '2026-01-31T09-15-00.000Z.qdpx' }],
    ['withdrawFromBackups', 'backups:withdraw', { sourceIds: [], caseIds: [], textHashes: [], dryRun: true }],
    ['deleteProjectBackups', 'backups:deleteProject', { projectId: '00000000-0000-4000-8000-000000000000', dryRun: true }],
  ] as const)('%s invokes %s with the request unchanged', async (method, channel, request) => {
    await (lantern[method] as (r: unknown) => Promise<unknown>)(request);
    expect(bridge.invoke).toHaveBeenLastCalledWith(channel, request);
  });

  it('getVersion and takeOpenRequests take no argument', async () => {
    await lantern.getVersion();
    expect(bridge.invoke).toHaveBeenLastCalledWith('app:getVersion', undefined);
    await lantern.takeOpenRequests();
    expect(bridge.invoke).toHaveBeenLastCalledWith('app:takeOpenRequests', undefined);
  });

  it('forwards open-request nudges without arguments, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = lantern.onOpenRequested(listener);
    const emit = () => bridge.listeners.get('app:openRequested')!.forEach((l) => l({ sender: 'ipc internals' }));
    emit();
    expect(listener).toHaveBeenCalledWith();
    unsubscribe();
    emit();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('forwards menu commands without the Electron event, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = lantern.onMenuCommand(listener);
    const emit = (payload: unknown) => bridge.listeners.get('menu:command')!.forEach((l) => l({ sender: 'ipc internals' }, payload));
    emit({ command: 'save' });
    expect(listener).toHaveBeenCalledWith({ command: 'save' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    emit({ command: 'open' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
