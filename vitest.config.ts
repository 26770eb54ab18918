import { configDefaults, defineConfig } from 'vitest/config';

// `*.interop.test.ts` files read the third-party corpus in ../shared ($LANTERN_SHARED); they form
// their own suite (`npm run test:interop`) so that `npm test` passes on a clone with nothing beside it.
const INTEROP = '**/*.interop.test.ts';
const e2e = {
  environment: 'node' as const,
  testTimeout: 90_000,
  hookTimeout: 120_000,
  // One dev server and one browser serve every end-to-end file in turn.
  fileParallelism: false,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/store/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/electron/**/*.test.ts'],
          exclude: [...configDefaults.exclude, INTEROP],
          environment: 'node',
          testTimeout: 30_000,
          setupFiles: ['test/backup-dir.setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, INTEROP],
          ...e2e,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'interop',
          include: [INTEROP],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
          environment: 'node',
          testTimeout: 60_000,
          globalSetup: ['test/interop/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'interop-e2e',
          include: [`test/e2e/${INTEROP}`],
          ...e2e,
          globalSetup: ['test/interop/global-setup.ts', 'test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
