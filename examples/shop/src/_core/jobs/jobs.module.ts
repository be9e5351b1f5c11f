import type { DependencyContainer } from 'tsyringe';

import { OUTBOX } from '../infrastructure/outbox.js';
import { PROBES } from '../infrastructure/probes.js';
import { loadJobSettings, type JobSettings } from './jobs-settings.js';
import { KyselyOutbox } from './kysely-outbox.js';
import { pingRedis } from './redis.js';

/**
 * Turns events on: repositories write them to the outbox, and readiness reports Redis
 * (`redis: "up" | "down"`) without failing on it, since the API serves without Redis.
 */
export function registerJobs(
  container: DependencyContainer,
  settings: JobSettings = loadJobSettings(),
): void {
  container.register(OUTBOX, { useValue: new KyselyOutbox() });
  container.register(PROBES, { useValue: { redis: () => pingRedis(settings.redisUrl) } });
}
