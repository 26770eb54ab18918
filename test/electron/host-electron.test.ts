// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { SaveAsRequired } from '../../renderer/src/host';
import { electronHost } from '../../renderer/src/host/electron';
import type { LanternBridge } from '../../shared/ipc/bridge';

function fakeBridge(overrides: Partial<LanternBridge> = {}): LanternBridge {
  return {
    openFiles: vi.fn(async () => ({ ok: true as const, value: [] })),
    saveFile: vi.fn(async () => ({ ok: true as const, value: null })),
    writeFile: vi.fn(async () => ({ ok: true as const, value: null })),
    listBackups: vi.fn(async () => ({ ok: true as const, value: [] })),
    readBackup: vi.fn(async () => ({ ok: true as const, value: { name: 'a.qdpx', bytes: new Uint8Array() } })),
    getVersion: vi.fn(async () => ({ ok: true as const, value: '0.1.0' })),
    takeOpenRequests: vi.fn(async () => ({ ok: true as const, value: [] })),
    withdrawFromBackups: vi.fn(async () => ({ ok: true as const, value: { files: [], unreadable: [] } })),
    deleteProjectBackups: vi.fn(async () => ({ ok: true as const, value: { files: [], unreadable: [] } })),
    onMenuCommand: vi.fn(() => () => {}),
    onOpenRequested: vi.fn(() => () => {}),
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

  it('lists and reads backups of a project file through the bridge', async () => {
    const backups = [{ name: '2026-01-31T09-15-00.000Z.qdpx', savedAt: '2026-01-31T09:15:00.000Z', size: 3 }];
    const bridge = fakeBridge({
      listBackups: vi.fn(async () => ({ ok: true as const, value: backups })),
      readBackup: vi.fn(async () => ({ ok: false as const, error: 'Cannot open the backup of a.qdpx from x: permission denied' })),
    });
    const host = electronHost(bridge);
    expect(await host.listBackups!('/home/r/a.qdpx')).toEqual(backups);
    expect(bridge.listBackups).toHaveBeenCalledWith({ path: '/home/r/a.qdpx' });
    await expect(host.readBackup!('/home/r/a.qdpx', backups[0]!.name)).rejects.toThrow('permission denied');
    expect(bridge.readBackup).toHaveBeenCalledWith({ path: '/home/r/a.qdpx', name: backups[0]!.name });
  });

  it('turns an error result into an Error carrying the shell message', async () => {
    const host = electronHost(
      fakeBridge({ writeFile: async () => ({ ok: false, error: 'Cannot save a.qdpx: the disk is full; the file on disk is unchanged' }) }),
    );
    await expect(host.writeFile!('/home/r/a.qdpx', new Uint8Array([1]))).rejects.toThrow(
      new Error('Cannot save a.qdpx: the disk is full; the file on disk is unchanged'),
    );
  });

  it('throws SaveAsRequired when main will not overwrite a path without asking', async () => {
    const host = electronHost(
      fakeBridge({ writeFile: async () => ({ ok: false, error: 'Cannot save a.qdpx in place: choose where to save it with Save As', code: 'save-as-required' }) }),
    );
    const error = await host.writeFile!('/home/r/a.qdpx', new Uint8Array([1])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SaveAsRequired);
    expect((error as Error).message).toBe('Cannot save a.qdpx in place: choose where to save it with Save As');
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

  it('delivers projects waiting at subscription and after each nudge, then stops when unsubscribed', async () => {
    const waiting = [[{ name: 'a.qdpx', path: '/a.qdpx', bytes: new Uint8Array([1]) }], [], [{ name: 'b.qdpx', path: '/b.qdpx', bytes: new Uint8Array([2]) }]];
    let nudge: (() => void) | undefined;
    const unsubscribe = vi.fn();
    const host = electronHost(
      fakeBridge({
        takeOpenRequests: async () => ({ ok: true, value: waiting.shift() ?? [] }),
        onOpenRequested: (listener) => {
          nudge = listener;
          return unsubscribe;
        },
      }),
    );
    const listener = vi.fn();
    const onError = vi.fn();
    const off = host.onOpenFiles!(listener, onError);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    expect(listener.mock.calls[0]![0][0].name).toBe('a.qdpx');
    nudge!(); // nothing new: the listener is not called with an empty batch
    nudge!();
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(2));
    expect(listener.mock.calls[1]![0][0].name).toBe('b.qdpx');
    off();
    expect(unsubscribe).toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('reports a project that cannot be read to onError', async () => {
    const host = electronHost(
      fakeBridge({ takeOpenRequests: async () => ({ ok: false, error: 'Cannot open gone.qdpx: the file or its folder does not exist' }) }),
    );
    const onError = vi.fn();
    host.onOpenFiles!(vi.fn(), onError);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(new Error('Cannot open gone.qdpx: the file or its folder does not exist')));
  });

  describe('Undo and Redo from the menu', () => {
    const setup = () => {
      let forward: ((event: { command: 'undo' | 'redo' | 'save' }) => void) | undefined;
      const host = electronHost(
        fakeBridge({
          onMenuCommand: (listener) => {
            forward = listener;
            return () => {};
          },
        }),
      );
      const listener = vi.fn();
      host.onMenuCommand!(listener);
      const execCommand = vi.fn(() => true);
      document.execCommand = execCommand;
      return { forward: forward!, listener, execCommand };
    };

    it.each([
      ['a memo textarea', '<textarea></textarea>', 'textarea'],
      ['a code name input', '<input type="text">', 'input'],
      ['a rich text memo', '<div contenteditable="true" tabindex="0"></div>', 'div'],
    ])('undo in %s stays the field’s own', (_label, html, selector) => {
      document.body.innerHTML = html;
      const element = document.querySelector(selector) as HTMLElement;
      // jsdom does not compute isContentEditable; browsers do.
      Object.defineProperty(element, 'isContentEditable', { value: element.getAttribute('contenteditable') === 'true' });
      element.focus();
      const { forward, listener, execCommand } = setup();
      forward({ command: 'undo' });
      forward({ command: 'redo' });
      expect(execCommand.mock.calls).toEqual([['undo'], ['redo']]);
      expect(listener).not.toHaveBeenCalled();
    });

    it.each([
      ['the transcript', '<div data-slate-editor="true" contenteditable="true" tabindex="0"><span>text</span></div>', 'div'],
      ['a button', '<button>Apply</button>', 'button'],
      ['a checkbox', '<input type="checkbox">', 'input'],
      ['a read-only field', '<textarea readonly></textarea>', 'textarea'],
    ])('undo in %s undoes the project', (_label, html, selector) => {
      document.body.innerHTML = html;
      const element = document.querySelector(selector) as HTMLElement;
      // jsdom does not compute isContentEditable; browsers do.
      Object.defineProperty(element, 'isContentEditable', { value: element.getAttribute('contenteditable') === 'true' });
      element.focus();
      const { forward, listener, execCommand } = setup();
      forward({ command: 'undo' });
      expect(listener).toHaveBeenCalledWith('undo');
      expect(execCommand).not.toHaveBeenCalled();
    });
  });
});
