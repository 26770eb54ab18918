import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppProtocolHandler, resolveRequestPath } from '../../electron/protocol';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'lantern-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Lantern</title>');
  await writeFile(path.join(root, 'assets', 'index-1a2b.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'index-1a2b.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'xmllint.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(root, 'assets', 'name with space.json'), '{}');
  await writeFile(path.join(base, 'secret.txt'), 'outside the bundle');
  await writeFile(path.join(base, 'renderer-sibling.txt'), 'a sibling folder sharing the prefix');
  handler = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it.each([
    ['app://lantern/', 'text/html; charset=utf-8', '<!doctype html><title>Lantern</title>'],
    ['app://lantern/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Lantern</title>'],
    ['app://lantern/assets/index-1a2b.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://lantern/assets/index-1a2b.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://lantern/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://lantern/assets/name%20with%20space.json?v=2#x', 'application/json; charset=utf-8', '{}'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it('serves WebAssembly as application/wasm so it can be compiled while streaming', async () => {
    const response = await get('app://lantern/assets/xmllint.wasm');
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('sends the strict Content-Security-Policy and nosniff with every file', async () => {
    const response = await get('app://lantern/index.html');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  });

  it.each([
    'app://lantern/../secret.txt',
    'app://lantern/%2e%2e/secret.txt',
    'app://lantern/..%2fsecret.txt',
    'app://lantern/assets/..%2f..%2fsecret.txt',
    'app://lantern/%2e%2e%2fsecret.txt',
    'app://lantern/..%5csecret.txt',
    'app://lantern/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://lantern/..%2frenderer-sibling.txt',
    'app://lantern//etc/passwd',
    'app://lantern/index.html%00.js',
    'app://lantern/%E0%A4%A',
    'app://evil/index.html',
    'app://lantern.evil/index.html',
    'app://lantern/assets',
    'app://lantern/missing.js',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the bundle');
  });

  it('refuses an encoded absolute path', async () => {
    const response = await get(`app://lantern/${encodeURIComponent(path.join(base, 'secret.txt'))}`);
    expect(response.status).toBe(404);
  });

  it('never resolves a request to a path outside the root', () => {
    for (const url of ['app://lantern/..%2fsecret.txt', 'app://lantern/%2e%2e%5csecret.txt', 'app://lantern/a%5cb.js']) {
      expect(resolveRequestPath(root, url)).toBeNull();
    }
    // Plain dot segments are removed by the URL parser itself, which clamps them at the root.
    expect(resolveRequestPath(root, 'app://lantern/../secret.txt')).toBe(path.join(root, 'secret.txt'));
    expect(resolveRequestPath(root, 'app://lantern/assets/index-1a2b.js')).toBe(path.join(root, 'assets', 'index-1a2b.js'));
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await get('app://lantern/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://lantern/index.html', 'POST')).status).toBe(405);
  });
});
