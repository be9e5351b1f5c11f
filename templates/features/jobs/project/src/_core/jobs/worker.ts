import { Worker } from 'bullmq';
import type { DependencyContainer } from 'tsyringe';

import { DATABASE, LOGGER, resolve } from '../core.module.js';
import type { DomainEvent } from '../domain/domain-event.js';
import type { ConsumerRegistry } from './consumers.js';
import { deliveryOf } from './delivery.js';
import type { JobSettings } from './jobs-settings.js';
import { createEventsQueue, EVENTS_QUEUE } from './queues.js';
import { createWorkerRedis } from './redis.js';
import { OutboxRelay } from './relay.js';

export interface RunningWorker {
  /** Stops relaying, lets running handlers finish, then closes Redis and the database. */
  close(): Promise<void>;
}

/**
 * The relay and the consumers in one process (`npm run worker`). Each event runs every
 * handler of its type in turn; a handler that throws fails the event's job, which BullMQ
 * runs again with backoff (handlers that already finished skip their `delivery.once` work).
 */
export function runWorker(
  container: DependencyContainer,
  consumers: ConsumerRegistry,
  settings: JobSettings,
): RunningWorker {
  const db = resolve(container, DATABASE);
  const logger = resolve(container, LOGGER);
  const redis = createWorkerRedis(settings.redisUrl);
  redis.on('error', (error) => logger.warn({ err: error }, 'Redis connection failed'));

  const queue = createEventsQueue(redis, settings);
  const relaying = new AbortController();
  const relay = new OutboxRelay(db, queue, settings, logger).run(relaying.signal);

  const worker = new Worker<DomainEvent>(
    EVENTS_QUEUE,
    async (job) => {
      const event = job.data;
      for (const { consumer, handle } of consumers.handlersOf(event.type)) {
        await handle(event, deliveryOf(db, consumer, event));
      }
    },
    { connection: redis, prefix: settings.prefix, concurrency: settings.concurrency },
  );
  worker.on('failed', (job, error) => {
    logger.warn(
      { err: error, eventId: job?.id, type: job?.name, attempt: job?.attemptsMade },
      'Event handler failed',
    );
  });
  worker.on('error', (error) => logger.warn({ err: error }, 'Worker error'));
  logger.info({ queue: EVENTS_QUEUE, concurrency: settings.concurrency }, 'Worker started');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      relaying.abort();
      await relay;
      await worker.close();
      await queue.close();
      // Not QUIT: with Redis away it would wait in the offline queue for ever.
      redis.disconnect();
      await db.destroy();
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'Worker shutting down');
      close().catch((error: unknown) => {
        logger.error({ err: error }, 'Worker shutdown failed');
        process.exitCode = 1;
      });
    });
  }
  return { close };
}
