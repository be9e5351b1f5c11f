import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DomainEvent } from '../../../src/_core/domain/domain-event.js';
import { createDatabase, type Database } from '../../../src/_core/infrastructure/database.js';
import { deliveryOf } from '../../../src/_core/jobs/delivery.js';
import { migrateToLatest } from '../support/migrate.js';
import { testDatabaseUrls } from '../support/settings.js';

const event = (): DomainEvent => ({
  id: randomUUID(),
  type: 'widget.created',
  aggregateId: 1,
  occurredAt: new Date().toISOString(),
  payload: {},
});

describe.each(testDatabaseUrls)('delivery.once on %s', (url) => {
  let db: Kysely<Database>;
  const consumer = `test-${randomUUID()}`;

  beforeAll(async () => {
    db = createDatabase(url);
    await migrateToLatest(db);
  });

  afterAll(async () => {
    await db.deleteFrom('processed_event').where('consumer', '=', consumer).execute();
    await db.destroy();
  });

  it('runs the work of a redelivered event once', async () => {
    const delivered = event();
    let runs = 0;
    for (let i = 0; i < 3; i += 1) {
      await deliveryOf(db, consumer, delivered).once(async () => {
        runs += 1;
      });
    }
    expect(runs).toBe(1);
  });

  it('runs the work again when it failed, since its mark was rolled back with it', async () => {
    const delivered = event();
    let runs = 0;
    const work = async () => {
      runs += 1;
      if (runs === 1) throw new Error('upstream down');
    };
    await expect(deliveryOf(db, consumer, delivered).once(work)).rejects.toThrow('upstream down');
    await deliveryOf(db, consumer, delivered).once(work);
    await deliveryOf(db, consumer, delivered).once(work);
    expect(runs).toBe(2);
  });

  it('keeps the same event apart for two consumers', async () => {
    const delivered = event();
    let runs = 0;
    const work = async () => {
      runs += 1;
    };
    await deliveryOf(db, consumer, delivered).once(work);
    await deliveryOf(db, `${consumer}-other`, delivered).once(work);
    await db.deleteFrom('processed_event').where('consumer', '=', `${consumer}-other`).execute();
    expect(runs).toBe(2);
  });
});
