import { describe, expect, it } from 'vitest';
import { APP_URL, devServerUrl, isTrustedSender } from '../../electron/origin';

const dev = new URL('http://127.0.0.1:5173/');

describe('app origin', () => {
  it('is app://lantern/, the origin IndexedDB data is stored under', () => {
    // Changing this strands every user's data in the old origin's database.
    expect(APP_URL).toBe('app://lantern/');
  });
});

describe('isTrustedSender', () => {
  it.each(['app://lantern/', 'app://lantern/index.html', 'app://lantern/assets/app.js?x=1#h'])('accepts %s', (url) => {
    expect(isTrustedSender(url, null)).toBe(true);
  });

  it.each([
    'app://lantern.evil/',
    'app://evil.lantern/',
    'app://lanternx/',
    'app://lantern@evil/',
    'app://evil@lantern/',
    'app://user:pw@lantern/',
    'app://lantern:8080/',
    'app:lantern',
    'apps://lantern/',
    'file:///app/lantern/index.html',
    'file://lantern/index.html',
    'https://lantern/',
    'http://127.0.0.1:5173/',
    'about:blank',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
  ])('refuses %s outside development', (url) => {
    expect(isTrustedSender(url, null)).toBe(false);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedSender(undefined, dev)).toBe(false);
    expect(isTrustedSender(null, dev)).toBe(false);
  });

  it('accepts the dev server origin only while developing', () => {
    expect(isTrustedSender('http://127.0.0.1:5173/src/main.tsx', dev)).toBe(true);
    expect(isTrustedSender('http://127.0.0.1:5173/src/main.tsx', null)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isTrustedSender('https://127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1.evil.com:5173/', dev)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', dev)).toBe(false);
    expect(isTrustedSender('app://lantern/', dev)).toBe(true);
  });
});

describe('devServerUrl', () => {
  it('is null without LANTERN_DEV_URL', () => {
    expect(devServerUrl({}, false)).toBeNull();
  });

  it('is ignored in a packaged app', () => {
    expect(devServerUrl({ LANTERN_DEV_URL: 'http://127.0.0.1:5173/' }, true)).toBeNull();
  });

  it('accepts loopback addresses', () => {
    expect(devServerUrl({ LANTERN_DEV_URL: 'http://127.0.0.1:5173/' }, false)?.origin).toBe('http://127.0.0.1:5173');
    expect(devServerUrl({ LANTERN_DEV_URL: 'http://localhost:3000' }, false)?.port).toBe('3000');
  });

  it.each(['https://example.com/', 'http://192.168.1.4:5173/', 'file:///tmp/index.html', 'nonsense'])('refuses %s', (raw) => {
    expect(() => devServerUrl({ LANTERN_DEV_URL: raw }, false)).toThrow(/LANTERN_DEV_URL/);
  });
});
