import { describe, expect, it, vi } from 'vitest';
import { makeHandler, registerHandler, type SenderEvent } from '../../electron/ipc';
import { CodedError } from '../../shared/ipc/bridge';
import { isTrustedSender } from '../../electron/origin';

const trusted = (url: string | undefined) => isTrustedSender(url, null);
const from = (url: string | null): SenderEvent => ({ senderFrame: url === null ? null : { url } });
const app = from('app://lantern/index.html');
const bytes = new Uint8Array([1]);

describe('IPC handler helper', () => {
  it('returns the implementation value as ok', async () => {
    const handler = makeHandler('app:getVersion', async () => '1.2.3', trusted);
    expect(await handler(app, undefined)).toEqual({ ok: true, value: '1.2.3' });
  });

  it.each(['app://lantern.evil/', 'file:///tmp/index.html', 'https://example.com/', 'http://127.0.0.1:5173/'])(
    'refuses a frame at %s without running the implementation',
    async (url) => {
      const implementation = vi.fn(async () => null);
      const handler = makeHandler('file:write', implementation, trusted);
      const result = await handler(from(url), { path: '/tmp/a.qdpx', bytes });
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
      expect(implementation).not.toHaveBeenCalled();
    },
  );

  it('refuses a call whose frame is gone', async () => {
    const implementation = vi.fn(async () => '1');
    expect((await makeHandler('app:getVersion', implementation, trusted)(from(null), undefined)).ok).toBe(false);
    expect(implementation).not.toHaveBeenCalled();
  });

  it('refuses an invalid payload, naming the channel and the field', async () => {
    const implementation = vi.fn(async () => null);
    const result = await makeHandler('file:write', implementation, trusted)(app, { path: '/tmp/a.qdpx', bytes: 'AAAA' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/file:write: invalid request[\s\S]*bytes/);
    expect(implementation).not.toHaveBeenCalled();
  });

  it('passes the validated payload to the implementation', async () => {
    const implementation = vi.fn(async () => null);
    await makeHandler('file:write', implementation, trusted)(app, { path: '/tmp/a.qdpx', bytes });
    expect(implementation).toHaveBeenCalledWith({ path: '/tmp/a.qdpx', bytes }, app);
  });

  it('turns a thrown error into an error result instead of throwing across the bridge', async () => {
    const handler = makeHandler('file:write', async () => {
      throw new Error('Cannot save a.qdpx: the disk is full; the file on disk is unchanged');
    }, trusted);
    vi.spyOn(console, 'error').mockImplementationOnce(() => {});
    await expect(handler(app, { path: '/tmp/a.qdpx', bytes })).resolves.toEqual({
      ok: false,
      error: 'Cannot save a.qdpx: the disk is full; the file on disk is unchanged',
    });
  });

  it('passes the code of a coded error along, so the renderer can react to it', async () => {
    const handler = makeHandler('file:write', async () => {
      throw new CodedError('Cannot save a.qdpx in place: choose where to save it with Save As', 'save-as-required');
    }, trusted);
    expect(await handler(app, { path: '/tmp/a.qdpx', bytes })).toEqual({
      ok: false,
      error: 'Cannot save a.qdpx in place: choose where to save it with Save As',
      code: 'save-as-required',
    });
  });

  it('does not let a response that breaks the contract through', async () => {
    vi.spyOn(console, 'error').mockImplementationOnce(() => {});
    const handler = makeHandler('app:getVersion', async () => 42 as unknown as string, trusted);
    expect(await handler(app, undefined)).toEqual({ ok: false, error: 'app:getVersion: internal error' });
  });

  it('registers on the channel name with ipcMain.handle', () => {
    const handle = vi.fn();
    registerHandler({ handle }, 'dialog:saveFile', async () => null, trusted);
    expect(handle).toHaveBeenCalledWith('dialog:saveFile', expect.any(Function));
  });
});
