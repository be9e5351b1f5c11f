import { z } from 'zod';

import { readEnvironment, SettingsError } from '../config.js';

/** A positive whole number of something, from an environment variable. */
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const environment = z.object({
  REDIS_URL: z
    .string()
    .refine((url) => URL.canParse(url) && /^rediss?:\/\/[^/]/.test(url), {
      error: 'must look like redis://host:6379 or rediss://user:pass@host:6380/0',
    })
    .default('redis://127.0.0.1:6379'),
  // Every queue key starts with it: two projects, or two test runs, can share one Redis.
  JOBS_PREFIX: z.string().min(1).default('jobs'),
  JOBS_CONCURRENCY: count(10),
  JOBS_ATTEMPTS: count(5),
  JOBS_BACKOFF_MS: count(1_000),
  OUTBOX_BATCH_SIZE: count(500),
  OUTBOX_POLL_MS: count(200),
});

export interface JobSettings {
  redisUrl: string;
  prefix: string;
  /** Events a worker handles at once. */
  concurrency: number;
  /** Runs of a failing job before it lands in the failed set; the delay doubles after each. */
  attempts: number;
  backoffMs: number;
  /** Outbox rows the relay moves to Redis per round, and its pause when the outbox is empty. */
  batchSize: number;
  pollMs: number;
}

export function loadJobSettings(env: NodeJS.ProcessEnv = readEnvironment()): JobSettings {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new SettingsError(`Invalid settings: ${problems.join('; ')}`);
  }
  const settings = parsed.data;
  return {
    redisUrl: settings.REDIS_URL,
    prefix: settings.JOBS_PREFIX,
    concurrency: settings.JOBS_CONCURRENCY,
    attempts: settings.JOBS_ATTEMPTS,
    backoffMs: settings.JOBS_BACKOFF_MS,
    batchSize: settings.OUTBOX_BATCH_SIZE,
    pollMs: settings.OUTBOX_POLL_MS,
  };
}
