import type { Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from '../infrastructure/logger.js';

import type { DomainEvent } from '../domain/domain-event.js';
import type { Database } from '../infrastructure/database.js';
import type { JobSettings } from './jobs-settings.js';

/**
 * Moves events from the outbox table to the events queue. A row is deleted only after BullMQ
 * has accepted its job, so a crash in between sends it again: delivery is at least once. The
 * job id is the event id, so BullMQ itself drops such a resend while it still holds the job.
 */
export class OutboxRelay {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly queue: Queue,
    private readonly settings: Pick<JobSettings, 'batchSize' | 'pollMs'>,
    private readonly logger: Logger,
  ) {}

  /** Relays the oldest batch and answers how many events it moved. */
  async relayBatch(): Promise<number> {
    const rows = await this.db
      .selectFrom('outbox')
      .selectAll()
      .orderBy('id')
      .limit(this.settings.batchSize)
      .execute();
    if (rows.length === 0) return 0;
    await this.queue.addBulk(
      rows.map((row) => {
        const event: DomainEvent = {
          id: row.eventId,
          type: row.type,
          aggregateId: Number(row.aggregateId),
          occurredAt: row.occurredAt,
          payload: JSON.parse(row.payload) as unknown,
        };
        return { name: event.type, data: event, opts: { jobId: event.id } };
      }),
    );
    await this.db
      .deleteFrom('outbox')
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    return rows.length;
  }

  /**
   * Relays until `signal` aborts: at once while a backlog remains, every `pollMs` when the
   * outbox is empty, and after a pause when Redis or the database fails (it logs and retries).
   */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let moved = 0;
      try {
        moved = await this.relayBatch();
      } catch (error) {
        this.logger.warn({ err: error }, 'Outbox relay failed; retrying');
        await pause(this.settings.pollMs * 5, signal);
        continue;
      }
      if (moved < this.settings.batchSize) await pause(this.settings.pollMs, signal);
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      done();
    }
  });
}
