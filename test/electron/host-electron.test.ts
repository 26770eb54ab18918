import { describe, expect, it, vi } from 'vitest';
import { electronHost } from '../../renderer/src/host/electron';
import type { LanternBridge } from '../../shared/ipc/bridge';

function fakeBridge(overrides: Partial<LanternBridge> = {}): LanternBridge {
  return {
    openFiles: vi.fn(async () => ({ ok: true as const, value: [] })),
    saveFile: vi.fn(async () => ({ ok: true as const, value: null })),
    writeFile: vi.fn(async () => ({ ok: true as const, value: null })),
    getVersion: vi.fn(async () => ({ ok: true as const, value: '0.1.0' })),
    onMenuCommand: vi.fn(() => () => {}),
    ...overrides,
  };
}

describe('Electron host', () => {
  it('unwraps results', async () => {
    const picked = [{ name: 'a.qdpx', path: '/home/r/a.qdpx', bytes: new Uint8Array([1]) }];
    const host = electronHost(
      fakeBridge({
        openFiles: async () => ({ ok: true, value: picked }),
        saveFile: async () => ({ ok: true, value: '/home/r/b.qdpx' }),
      }),
    );
    expect(host.kind).toBe('electron');
    expect(await host.openFiles({ title: 'Open', filters: [], multiple: false })).toEqual(picked);
    expect(await host.saveFile({ title: 'Save', suggestedName: 'b.qdpx', filters: [], bytes: new Uint8Array() })).toBe('/home/r/b.qdpx');
    expect(await host.version!()).toBe('0.1.0');
  });

  it('turns an error result into an Error carrying the shell message', async () => {
    const host = electronHost(
      fakeBridge({ writeFile: async () => ({ ok: false, error: 'Cannot save a.qdpx: the disk is full; the file on disk is unchanged' }) }),
    );
    await expect(host.writeFile!('/home/r/a.qdpx', new Uint8Array([1]))).rejects.toThrow(
      new Error('Cannot save a.qdpx: the disk is full; the file on disk is unchanged'),
    );
  });

  it('turns a broken bridge into a readable Error', async () => {
    const host = electronHost(
      fakeBridge({
        getVersion: async () => {
          throw new Error("Error invoking remote method 'app:getVersion': reply was never sent");
        },
      }),
    );
    await expect(host.version!()).rejects.toThrow(/^The desktop app did not answer: .*reply was never sent/);
  });

  it('passes the path and bytes to writeFile', async () => {
    const bridge = fakeBridge();
    const bytes = new Uint8Array([7]);
    await electronHost(bridge).writeFile!('/home/r/a.qdpx', bytes);
    expect(bridge.writeFile).toHaveBeenCalledWith({ path: '/home/r/a.qdpx', bytes });
  });

  it('hands menu commands on as plain command names', () => {
    let forward: ((event: { command: 'save' }) => void) | undefined;
    const unsubscribe = vi.fn();
    const host = electronHost(
      fakeBridge({
        onMenuCommand: (listener) => {
          forward = listener;
          return unsubscribe;
        },
      }),
    );
    const listener = vi.fn();
    const off = host.onMenuCommand!(listener);
    forward!({ command: 'save' });
    expect(listener).toHaveBeenCalledWith('save');
    off();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
