import { randomUUID } from 'node:crypto';

import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DomainEvent } from '../../../src/_core/domain/domain-event.js';
import { createDatabase, type Database } from '../../../src/_core/infrastructure/database.js';
import { loadJobSettings } from '../../../src/_core/jobs/jobs-settings.js';
import { KyselyOutbox } from '../../../src/_core/jobs/kysely-outbox.js';
import { createEventsQueue } from '../../../src/_core/jobs/queues.js';
import { createWorkerRedis } from '../../../src/_core/jobs/redis.js';
import { OutboxRelay } from '../../../src/_core/jobs/relay.js';
import { migrateToLatest } from '../support/migrate.js';

// SQLite only: the relay's queries are the repository's, tested on every database already;
// what is tested here is the hand-over to Redis. Each run uses a key prefix of its own.
const redisUrl = process.env.TEST_REDIS_URL;

describe.runIf(redisUrl)('the outbox relay', () => {
  const settings = loadJobSettings({ REDIS_URL: redisUrl, JOBS_PREFIX: `test-${randomUUID()}` });
  let db: Kysely<Database>;
  let redis: Redis;
  let queue: Queue;
  let relay: OutboxRelay;

  beforeAll(async () => {
    db = createDatabase('sqlite::memory:');
    await migrateToLatest(db);
    redis = createWorkerRedis(settings.redisUrl);
    queue = createEventsQueue(redis, settings);
    relay = new OutboxRelay(db, queue, { batchSize: 50, pollMs: 10 }, pino({ level: 'silent' }));
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.quit();
    await db.destroy();
  });

  const events = (count: number): DomainEvent[] =>
    Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      type: 'widget.created',
      aggregateId: i + 1,
      occurredAt: new Date().toISOString(),
      payload: { id: i + 1, name: `w${i}` },
    }));

  it('moves every event to the queue in batches, as a job whose id is the event id', async () => {
    const written = events(120);
    await new KyselyOutbox().add(db, written);

    expect(await relay.relayBatch()).toBe(50);
    expect(await relay.relayBatch()).toBe(50);
    expect(await relay.relayBatch()).toBe(20);
    expect(await relay.relayBatch()).toBe(0);

    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    expect(await queue.getJobCountByTypes('waiting')).toBe(120);
    const job = await queue.getJob(written[7]!.id);
    expect(job?.name).toBe('widget.created');
    expect(job?.data).toEqual(written[7]);
  });

  it('does not queue an event twice when a crash left its row behind after the hand-over', async () => {
    const [again] = events(1);
    await new KyselyOutbox().add(db, [again!]);
    await relay.relayBatch();
    // As if the relay had died between BullMQ accepting the job and the row's deletion.
    await new KyselyOutbox().add(db, [again!]);
    await relay.relayBatch();

    expect(await queue.getJobCountByTypes('waiting')).toBe(121);
  });
});
