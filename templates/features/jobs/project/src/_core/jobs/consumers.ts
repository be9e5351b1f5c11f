import type { Kysely } from 'kysely';

import type { DomainEvent } from '../domain/domain-event.js';
import type { Database } from '../infrastructure/database.js';

/** What a handler gets besides the event: the way to make its work run once per event. */
export interface Delivery {
  /**
   * Runs `work` unless this consumer has already handled this event, in one transaction with
   * the mark that says it has: delivery is at least once, the work's database changes happen
   * once. A failure rolls both back, and the retry runs it again.
   */
  once(work: (trx: Kysely<Database>) => Promise<void>): Promise<void>;
}

export type EventHandler = (event: DomainEvent, delivery: Delivery) => Promise<void>;

/** One domain's reactions to events, keyed by event type (`product.created`). */
export interface Consumer {
  /** Marks handled events as this consumer's: unique in the project. */
  name: string;
  handlers: Readonly<Record<string, EventHandler>>;
}

/** Every consumer of the project, looked up by event type. */
export class ConsumerRegistry {
  private readonly consumers: Consumer[] = [];

  add(consumer: Consumer): void {
    if (this.consumers.some((existing) => existing.name === consumer.name)) {
      throw new Error(`Two consumers are named "${consumer.name}"; names mark handled events.`);
    }
    this.consumers.push(consumer);
  }

  /** The handlers of `type`, each with the name of its consumer, in the order consumers were added. */
  handlersOf(type: string): Array<{ consumer: string; handle: EventHandler }> {
    return this.consumers.flatMap((consumer) => {
      const handle = consumer.handlers[type];
      return handle ? [{ consumer: consumer.name, handle }] : [];
    });
  }
}

/** The anchor of `src/consumers.ts`, where `layered new` adds each domain's consumer. */
export function createConsumerRegistry(): ConsumerRegistry {
  return new ConsumerRegistry();
}
