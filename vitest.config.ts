import { configDefaults, defineConfig } from 'vitest/config';

// Tests sit in a tree that mirrors the source (test/shared/merge tests shared/merge, and so on);
// the file's name, not its folder, picks how it runs:
//   *.e2e.test.ts          the whole app in Chromium (one dev server, one browser)
//   *.interop.test.ts      reads the third-party corpus in ../shared ($LANTERN_SHARED)
//   *.interop.e2e.test.ts  both
//   *.test.ts              everything else: plain Node
// The interop files form their own suite (`npm run test:interop`) so that `npm test` passes on a
// clone with nothing beside it.
const E2E = '**/*.e2e.test.ts';
const INTEROP = '**/*.interop.test.ts';
const INTEROP_E2E = '**/*.interop.e2e.test.ts';
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
          include: ['**/*.test.ts'],
          exclude: [...configDefaults.exclude, E2E, INTEROP],
          environment: 'node',
          testTimeout: 30_000,
          setupFiles: ['test/backup-dir.setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: [E2E],
          exclude: [...configDefaults.exclude, INTEROP_E2E],
          ...e2e,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'interop',
          include: [INTEROP],
          exclude: [...configDefaults.exclude],
          environment: 'node',
          testTimeout: 60_000,
          globalSetup: ['test/interop/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'interop-e2e',
          include: [INTEROP_E2E],
          ...e2e,
          globalSetup: ['test/interop/global-setup.ts', 'test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
