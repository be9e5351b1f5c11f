import type { Settings } from '../../../src/_core/config.js';
import { DEFAULT_POOL_OPTIONS } from '../../../src/_core/infrastructure/bounded-pool.js';

export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    databaseUrl: 'sqlite::memory:',
    databasePool: DEFAULT_POOL_OPTIONS,
    port: 0,
    host: '127.0.0.1',
    nodeEnv: 'test',
    logLevel: 'silent',
    corsOrigins: [],
    ...overrides,
  };
}

/** SQLite always; the MySQL/MariaDB or PostgreSQL server too when `TEST_DATABASE_URL` names one. */
export const testDatabaseUrls = ['sqlite::memory:', process.env.TEST_DATABASE_URL].filter(
  (url): url is string => Boolean(url),
);
