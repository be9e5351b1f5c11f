import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

/** `npm run test:load`: load tests start a real server, so plain `npm test` leaves them out. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/load/**/*.load.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/scratch-database.ts'],
    env: { LOG_LEVEL: 'silent' },
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
