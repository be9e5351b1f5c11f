import { randomBytes } from 'node:crypto';

import { z } from 'zod';

import { SettingsError, type Settings } from '../_core/config.js';

/** RFC 7518 §3.2: an HS256 key has at least as many bits as the hash, 256. */
export const MIN_SECRET_BYTES = 32;

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const environment = z.object({
  JWT_SECRET: z.string().optional(),
  JWT_ISSUER: z.string().min(1).default('api'),
  JWT_AUDIENCE: z.string().min(1).default('api'),
  ACCESS_TOKEN_TTL_SECONDS: count(15 * 60),
  REFRESH_TOKEN_TTL_DAYS: count(30),
  AUTH_REGISTRATION: z.enum(['open', 'closed']).default('open'),
  LOGIN_MAX_FAILURES: count(20),
  LOGIN_BLOCK_SECONDS: count(15 * 60),
  // log2 of scrypt's N: 17 is OWASP's minimum for r=8, p=1 (128 MiB, ~0.2 s per hash here).
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(17),
  REDIS_URL: z.string().url().optional(),
});

export interface AuthSettings {
  jwtSecret: string;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  registration: 'open' | 'closed';
  /** Failed logins per email and address before 429, and how long the block lasts. */
  loginMaxFailures: number;
  loginBlockSeconds: number;
  passwordHashCost: number;
  /** Where the login limiter keeps its counts, shared by every instance; memory when absent. */
  redisUrl?: string;
}

/**
 * Auth settings from the environment. Outside development a missing or short `JWT_SECRET`
 * stops start-up; in development a random one is used, so tokens die with the process.
 */
export function loadAuthSettings(
  env: NodeJS.ProcessEnv,
  nodeEnv: Settings['nodeEnv'],
): AuthSettings {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new SettingsError(`Invalid settings: ${problems.join('; ')}`);
  }
  const { data } = parsed;
  return {
    jwtSecret: jwtSecret(data.JWT_SECRET, nodeEnv),
    issuer: data.JWT_ISSUER,
    audience: data.JWT_AUDIENCE,
    accessTokenTtlSeconds: data.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: data.REFRESH_TOKEN_TTL_DAYS,
    registration: data.AUTH_REGISTRATION,
    loginMaxFailures: data.LOGIN_MAX_FAILURES,
    loginBlockSeconds: data.LOGIN_BLOCK_SECONDS,
    passwordHashCost: data.PASSWORD_HASH_COST,
    ...(data.REDIS_URL !== undefined && { redisUrl: data.REDIS_URL }),
  };
}

function jwtSecret(secret: string | undefined, nodeEnv: Settings['nodeEnv']): string {
  if (secret !== undefined && Buffer.byteLength(secret) >= MIN_SECRET_BYTES) return secret;
  if (nodeEnv === 'development') return randomBytes(MIN_SECRET_BYTES).toString('base64url');
  // `JWT_SECRET=` (as .env.example has it) is as missing as no line at all.
  const problem = !secret ? 'is missing' : `is shorter than ${MIN_SECRET_BYTES} bytes`;
  throw new SettingsError(
    `Invalid settings: JWT_SECRET ${problem}; set at least ${MIN_SECRET_BYTES} random bytes, e.g. JWT_SECRET=$(openssl rand -base64 48)`,
  );
}
