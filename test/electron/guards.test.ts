import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { denyNavigation, denyPermissions, type GuardedContents } from '../../electron/guards';

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  } as unknown as GuardedContents;
  const fire = (name: string, url: string) => {
    const event = { preventDefault: vi.fn(), url };
    emitter.emit(name, event, url);
    return event.preventDefault;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('navigation guards', () => {
  it.each([
    ['will-navigate', 'https://example.com/'],
    ['will-navigate', 'app://lantern/other.html'],
    ['will-navigate', 'file:///etc/passwd'],
    ['will-redirect', 'https://example.com/'],
    ['will-attach-webview', 'https://example.com/'],
  ])('prevents %s to %s', (name, url) => {
    const { contents, fire } = fakeContents();
    denyNavigation(contents);
    expect(fire(name, url)).toHaveBeenCalledOnce();
  });

  it.each(['https://example.com/', 'app://lantern/', 'javascript:alert(1)'])('denies a new window for %s', (url) => {
    const { contents, open } = fakeContents();
    denyNavigation(contents);
    expect(open(url)).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('grants nothing, whether requested or checked', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    denyPermissions({
      setPermissionRequestHandler: (h) => {
        request = h as typeof request;
      },
      setPermissionCheckHandler: (h) => {
        check = h as typeof check;
      },
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission, 'app://lantern', {})).toBe(false);
    }
  });
});
