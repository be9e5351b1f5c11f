import { existsSync } from 'node:fs';

import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const databaseUrl = z
  .string({ error: 'is required (e.g. sqlite:./dev.db or mysql://user:pass@host:3306/db)' })
  .refine((url) => /^sqlite:.+/.test(url) || (URL.canParse(url) && url.startsWith('mysql://')), {
    error: 'must look like sqlite:./dev.db, sqlite::memory: or mysql://user:pass@host:3306/db',
  });

const environment = z.object({
  DATABASE_URL: databaseUrl,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  CORS_ORIGINS: z.string().optional(),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Settings {
  databaseUrl: string;
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
