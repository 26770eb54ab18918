// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LanternBridge } from '../../shared/ipc/bridge';

afterEach(() => {
  delete window.lantern;
  vi.resetModules();
});

describe('getHost', () => {
  it('uses the desktop bridge when the preload provided one', async () => {
    window.lantern = { getVersion: async () => ({ ok: true, value: '9.9.9' }) } as LanternBridge;
    const { getHost } = await import('../../renderer/src/host');
    expect(getHost().kind).toBe('electron');
    expect(await getHost().version!()).toBe('9.9.9');
  });

  it('falls back to the browser and chooses once', async () => {
    const { getHost } = await import('../../renderer/src/host');
    expect(getHost().kind).toBe('browser');
    expect(getHost()).toBe(getHost());
  });
});
