import { describe, expect, it } from 'vitest';

import { loadSettings, SettingsError } from '../../src/_core/config.js';

describe('loadSettings', () => {
  it('applies defaults', () => {
    expect(loadSettings({ DATABASE_URL: 'sqlite::memory:', NODE_ENV: 'production' })).toEqual({
      databaseUrl: 'sqlite::memory:',
      databasePool: { poolSize: 10, acquireTimeoutMs: 5_000, queryTimeoutMs: 10_000 },
      port: 3000,
      host: '127.0.0.1',
      nodeEnv: 'production',
      logLevel: 'info',
      corsOrigins: [],
    });
  });

  it('reads every variable', () => {
    const settings = loadSettings({
      DATABASE_URL: 'mysql://root@db:3306/shop',
      PORT: '8080',
      HOST: '0.0.0.0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      CORS_ORIGINS: 'https://a.test, https://b.test',
      DATABASE_POOL_SIZE: '4',
      DATABASE_ACQUIRE_TIMEOUT_MS: '500',
      DATABASE_QUERY_TIMEOUT_MS: '2000',
    });
    expect(settings).toMatchObject({
      databasePool: { poolSize: 4, acquireTimeoutMs: 500, queryTimeoutMs: 2_000 },
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'debug',
      corsOrigins: ['https://a.test', 'https://b.test'],
    });
  });

  it.each(['postgres://app@db:5432/shop', 'postgresql://db/shop'])('accepts %s', (url) => {
    expect(loadSettings({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it.each([
    [{}, /^Invalid settings: DATABASE_URL is required/],
    [{ DATABASE_URL: 'postgres:x' }, /DATABASE_URL must look like/],
    [{ DATABASE_URL: 'mongodb://db/shop' }, /DATABASE_URL must look like/],
    [{ DATABASE_URL: 'sqlite::memory:', DATABASE_QUERY_TIMEOUT_MS: '0' }, /QUERY_TIMEOUT/],
    [{ DATABASE_URL: 'sqlite::memory:', PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('rejects %j with one readable line', (env, message) => {
    const error = (() => {
      try {
        loadSettings(env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
