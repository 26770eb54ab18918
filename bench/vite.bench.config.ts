/**
 * The renderer's production build plus the benchmark's hook as a second entry, so the
 * browser benchmark measures the React and Slate that users run (the dev server runs
 * React's development build, several times slower). Built into bench/data/web.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, loadConfigFromFile, mergeConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Loaded rather than imported: the renderer's config belongs to the renderer's build, not the bench's type-check.
const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, here('../renderer/vite.config.ts'));
if (!loaded) throw new Error('renderer/vite.config.ts could not be loaded');

export default mergeConfig(
  loaded.config,
  defineConfig({
    cacheDir: here('../node_modules/.vite/bench'),
    build: {
      emptyOutDir: true,
      sourcemap: false,
      // Readable names in CPU profiles; React's production mode comes from the build mode, not from minifying.
      minify: false,
      rollupOptions: {
        input: { index: here('../renderer/index.html'), 'bench-hook': here('../renderer/src/bench-hook.ts') },
        // Entries keep their exports and a fixed name, so the page can import('/bench-hook.js').
        preserveEntrySignatures: 'exports-only',
        output: { entryFileNames: '[name].js' },
      },
    },
  }),
);
