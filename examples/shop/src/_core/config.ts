import { existsSync } from 'node:fs';

import { z } from 'zod';

import { DEFAULT_POOL_OPTIONS, type PoolOptions } from './infrastructure/bounded-pool.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EXAMPLE_URLS =
  'sqlite:./dev.db, sqlite::memory:, mysql://user:pass@host:3306/db or postgres://user:pass@host:5432/db';

const databaseUrl = z
  .string({ error: `is required (e.g. ${EXAMPLE_URLS})` })
  .refine(
    (url) =>
      /^sqlite:.+/.test(url) ||
      (URL.canParse(url) && /^(mysql|postgres|postgresql):\/\/[^/]/.test(url)),
    { error: `must look like ${EXAMPLE_URLS}` },
  );

/** A positive whole number of something, from an environment variable. */
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const environment = z.object({
  DATABASE_URL: databaseUrl,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  CORS_ORIGINS: z.string().optional(),
  DATABASE_POOL_SIZE: count(DEFAULT_POOL_OPTIONS.poolSize),
  DATABASE_ACQUIRE_TIMEOUT_MS: count(DEFAULT_POOL_OPTIONS.acquireTimeoutMs),
  DATABASE_QUERY_TIMEOUT_MS: count(DEFAULT_POOL_OPTIONS.queryTimeoutMs),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Settings {
  databaseUrl: string;
  /** Connections per pool, and the longest a request waits for one or for a query's answer. */
  databasePool: PoolOptions;
  port: number;
  host: string;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: LogLevel;
  /** Origins allowed by CORS; empty means CORS stays off. */
  corsOrigins: string[];
}

/** Invalid configuration; its message is one line meant for the person starting the app. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Environment variables, after reading `.env` if present (variables already set win). */
export function readEnvironment(file = '.env'): NodeJS.ProcessEnv {
  if (existsSync(file)) process.loadEnvFile(file);
  return process.env;
}

export function loadSettings(env: NodeJS.ProcessEnv = readEnvironment()): Settings {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new SettingsError(`Invalid settings: ${problems.join('; ')}`);
  }
  const { DATABASE_URL, PORT, HOST, NODE_ENV, LOG_LEVEL, CORS_ORIGINS } = parsed.data;
  return {
    databaseUrl: DATABASE_URL,
    databasePool: {
      poolSize: parsed.data.DATABASE_POOL_SIZE,
      acquireTimeoutMs: parsed.data.DATABASE_ACQUIRE_TIMEOUT_MS,
      queryTimeoutMs: parsed.data.DATABASE_QUERY_TIMEOUT_MS,
    },
    port: PORT,
    host: HOST,
    nodeEnv: NODE_ENV,
    logLevel: LOG_LEVEL ?? (NODE_ENV === 'test' ? 'silent' : 'info'),
    corsOrigins: (CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}
