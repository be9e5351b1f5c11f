import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/scratch-database.ts'],
    env: { LOG_LEVEL: 'silent' },
  },
});
