/**
 * Where the renderer is loaded from, and which frames may call the shell.
 *
 * The packaged renderer is served from app://lantern/. NEVER CHANGE THE SCHEME OR HOST:
 * IndexedDB (the user's whole working project) is scoped to the page's origin, so a new
 * origin would open an empty database and leave every user's data behind.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'lantern';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * The vite dev server to load instead of the bundled renderer, or null. Only honoured
 * in an unpackaged app and only on a loopback address, so an environment variable can
 * never point an installed app (and its IPC bridge) at a remote page.
 */
export function devServerUrl(env: Record<string, string | undefined>, isPackaged: boolean): URL | null {
  const raw = env.LANTERN_DEV_URL;
  if (isPackaged || !raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`LANTERN_DEV_URL is not a URL: ${raw}`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !loopback) {
    throw new Error(`LANTERN_DEV_URL must be an http(s) address on this machine (127.0.0.1 or localhost): ${raw}`);
  }
  return url;
}

/**
 * Whether a frame at `frameUrl` may use the IPC bridge: the app origin, or the dev
 * server's origin while developing. Parsed with URL and compared by parts, never by
 * prefix, so app://lantern.evil, app://lantern@evil and file:// are all refused.
 */
export function isTrustedSender(frameUrl: string | undefined | null, devUrl: URL | null): boolean {
  if (!frameUrl) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  // Custom schemes have an opaque origin ("null") in WHATWG URL, so compare scheme and host.
  if (url.protocol === `${APP_SCHEME}:`) {
    return url.host === APP_HOST && url.username === '' && url.password === '';
  }
  return devUrl !== null && url.origin === devUrl.origin;
}
