import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
// The build config runs in Node, not in the renderer, so Node built-ins are fine here.
// eslint-disable-next-line no-restricted-imports
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The renderer is served from renderer/ and imports shared/ and fixtures/ from the repo
// root, so the dev server may read one level up. base './' lets Electron load the build
// from its own origin as well as any web server path.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // Crawl every view up front: dependencies found later (in lazily loaded views) would make
  // the dev server re-optimise and reload the page mid-session (and mid-test).
  optimizeDeps: { entries: ['index.html', 'src/**/*.{ts,tsx}'] },
  server: { host: '127.0.0.1', strictPort: false, fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  preview: { host: '127.0.0.1' },
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
});
