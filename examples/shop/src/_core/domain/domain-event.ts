import type { Id } from './entity.js';

/** What happened to one row: `product.created`, `product.updated` or `product.deleted`. */
export interface DomainEvent {
  /** A random UUID; consumers recognise a redelivered event by it. */
  id: string;
  type: string;
  aggregateId: Id;
  /** ISO 8601 in UTC. */
  occurredAt: string;
  /** The entity after the change; `{ id }` for a deletion. */
  payload: unknown;
}
