import { Queue, type ConnectionOptions } from 'bullmq';

import type { JobSettings } from './jobs-settings.js';

/** Every domain event, whatever its type; the worker hands each to the consumers of its type. */
export const EVENTS_QUEUE = 'events';

/**
 * The events queue as the relay and the failed-jobs script use it. A failing event is run
 * `attempts` times with exponential backoff, then kept in the failed set for an operator;
 * completed ones are kept a day, long enough for BullMQ to refuse a relayed duplicate of one
 * (same job id) after a relay crash.
 */
export function createEventsQueue(connection: ConnectionOptions, settings: JobSettings): Queue {
  return new Queue(EVENTS_QUEUE, {
    connection,
    prefix: settings.prefix,
    defaultJobOptions: {
      attempts: settings.attempts,
      backoff: { type: 'exponential', delay: settings.backoffMs },
      removeOnComplete: { age: 24 * 60 * 60, count: 100_000 },
      removeOnFail: false,
    },
  });
}
