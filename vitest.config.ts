import { defineConfig } from 'vitest/config';

// Every project runs test/helpers/temp-guard.ts first: a temp folder of the run's own, and a
// failed run when a test leaves anything in it.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          // Many unit tests run the built CLI as a separate process (~0.5 s each, more on a busy machine).
          testTimeout: 30_000,
          globalSetup: ['test/helpers/temp-guard.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          fileParallelism: false,
          globalSetup: ['test/helpers/temp-guard.ts', 'test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
