import type { Kysely } from 'kysely';

import type { DomainEvent } from '../domain/domain-event.js';
import { toDbDateTime } from '../infrastructure/column-values.js';
import type { Database } from '../infrastructure/database.js';
import { dialectOf } from '../infrastructure/dialect.js';
import type { Delivery } from './consumers.js';

/** Claims the pair (consumer, event) in `processed_event`, in the work's transaction. */
class ProcessedEventDelivery implements Delivery {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly consumer: string,
    private readonly event: DomainEvent,
  ) {}

  once(work: (trx: Kysely<Database>) => Promise<void>): Promise<void> {
    return this.db.transaction().execute(async (trx) => {
      if (await this.claim(trx)) await work(trx);
    });
  }

  /**
   * False when the mark exists: the work committed with it on an earlier delivery. The insert
   * skips a duplicate instead of failing, which on PostgreSQL would abort the transaction; a
   * concurrent claim of the same pair waits for the first one's outcome.
   */
  private async claim(trx: Kysely<Database>): Promise<boolean> {
    const insert = trx.insertInto('processed_event').values({
      consumer: this.consumer,
      eventId: this.event.id,
      processedAt: toDbDateTime(new Date()),
    });
    const { numInsertedOrUpdatedRows } = await (
      dialectOf(trx) === 'mysql' ? insert.ignore() : insert.onConflict((oc) => oc.doNothing())
    ).executeTakeFirstOrThrow();
    return numInsertedOrUpdatedRows !== 0n;
  }
}

export function deliveryOf(db: Kysely<Database>, consumer: string, event: DomainEvent): Delivery {
  return new ProcessedEventDelivery(db, consumer, event);
}
