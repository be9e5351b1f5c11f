import type { Kysely } from 'kysely';

import type { DomainEvent } from '../domain/domain-event.js';
import type { Database } from '../infrastructure/database.js';
import type { Outbox } from '../infrastructure/outbox.js';

/** The outbox as a table in the application's own database, written inside the caller's transaction. */
export class KyselyOutbox implements Outbox {
  async add(trx: Kysely<Database>, events: readonly DomainEvent[]): Promise<void> {
    await trx
      .insertInto('outbox')
      .values(
        events.map((event) => ({
          eventId: event.id,
          type: event.type,
          aggregateId: event.aggregateId,
          occurredAt: event.occurredAt,
          payload: JSON.stringify(event.payload),
        })),
      )
      .execute();
  }
}
