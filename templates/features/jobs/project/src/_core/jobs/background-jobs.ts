import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { Database } from '../infrastructure/database.js';
import type { Outbox } from '../infrastructure/outbox.js';

/**
 * Schedules background work: an event of type `job.<name>` through the outbox, so it runs in
 * the worker with the same retries, backoff and failed set as any event, and the API needs no
 * Redis to ask for it. Pass the transaction of a change to have the job only if it commits.
 * A consumer runs it with a handler for `job.<name>`.
 *
 * @example
 * await enqueueJob(outbox, db, 'send-welcome', { userId: 7 });
 * // in a consumer: handlers: { 'job.send-welcome': async (event) => sendWelcome(event.payload) }
 */
export async function enqueueJob(
  outbox: Outbox,
  db: Kysely<Database>,
  name: string,
  payload: unknown,
): Promise<string> {
  const id = randomUUID();
  await outbox.add(db, [
    { id, type: `job.${name}`, aggregateId: 0, occurredAt: new Date().toISOString(), payload },
  ]);
  return id;
}
