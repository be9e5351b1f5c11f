import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';

import type { DomainEvent } from '../domain/domain-event.js';
import { token } from '../domain/token.js';
import type { Database } from './database.js';

/**
 * Stores events in the transaction of the change they describe, so there is no event without
 * its row and no row without its event. `layered add jobs` registers one; without it,
 * repositories write no events.
 */
export interface Outbox {
  add(trx: Kysely<Database>, events: readonly DomainEvent[]): Promise<void>;
}

export const OUTBOX = token<Outbox>('Outbox');

/** The registered outbox, if the project has one. */
export function registeredOutbox(container: DependencyContainer): Outbox | undefined {
  return container.isRegistered(OUTBOX, true) ? container.resolve<Outbox>(OUTBOX) : undefined;
}
