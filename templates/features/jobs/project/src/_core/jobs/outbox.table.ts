import type { Generated } from 'kysely';

/** An event waiting for the relay; deleted once BullMQ has accepted it. */
export interface OutboxTable {
  id: Generated<number>;
  eventId: string;
  type: string;
  aggregateId: number;
  occurredAt: string;
  /** The event's payload as JSON text. */
  payload: string;
}

/** One row per event a consumer has handled through `delivery.once`. */
export interface ProcessedEventTable {
  consumer: string;
  eventId: string;
  processedAt: string;
}

declare module '../infrastructure/database.js' {
  interface Database {
    outbox: OutboxTable;
    processed_event: ProcessedEventTable;
  }
}
