import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
// The build config runs in Node, not in the renderer, so Node built-ins are fine here.
// eslint-disable-next-line no-restricted-imports
import { fileURLToPath } from 'node:url';
// eslint-disable-next-line no-restricted-imports
import { createServer } from 'node:net';

const root = fileURLToPath(new URL('.', import.meta.url));

// The renderer is served from renderer/ and imports shared/ and fixtures/ from the repo
// root, so the dev server may read one level up. base './' lets Electron load the build
// from its own origin as well as any web server path.
/**
 * `npm run web` always serves on one port, because the browser keeps the user's projects
 * (IndexedDB) per origin: another port would open on an empty project list. If the port is
 * taken, say so plainly rather than silently moving elsewhere.
 */
function explainPortInUse(): Plugin {
  return {
    name: 'lantern-port-in-use',
    async configureServer(server) {
      const { port, strictPort, host } = server.config.server;
      if (!strictPort || !port || !server.httpServer) return;
      const taken = await new Promise<boolean>((resolve) => {
        const probe = createServer();
        probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE'));
        probe.listen(port, typeof host === 'string' ? host : '127.0.0.1', () => probe.close(() => resolve(false)));
      });
      if (taken)
        console.error(
          `\nLantern cannot start: port ${port} is already in use (is Lantern already open in another terminal?).\n` +
            `The browser keeps your projects for http://127.0.0.1:${port}, so Lantern does not move to another port.\n` +
            `Close the other server (or the program using port ${port}) and run npm run web again.\n`,
        );
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), explainPortInUse()],
  // Each server keeps its own optimised dependencies (the e2e suite sets LANTERN_VITE_CACHE, the
  // bench its own cacheDir); a shared cache was invalidated by each in turn, and the first page
  // load after a switch failed with "504 Outdated Optimize Dep".
  cacheDir: process.env.LANTERN_VITE_CACHE ?? fileURLToPath(new URL('../node_modules/.vite/renderer', import.meta.url)),
  // Crawl every view up front: dependencies found later (in lazily loaded views) would make
  // the dev server re-optimise and reload the page mid-session (and mid-test).
  optimizeDeps: { entries: ['index.html', 'src/**/*.{ts,tsx}'] },
  server: { host: '127.0.0.1', strictPort: false, fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1' },
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
});
