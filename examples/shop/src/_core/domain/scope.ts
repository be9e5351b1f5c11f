import type { Id } from './entity.js';

/** An entity whose rows belong to one user (`--access owner`). */
export interface Owned {
  ownerId: Id;
}

/**
 * Narrows any repository call to one owner's rows: reads, lists, counts, updates and deletes
 * see only them, and creates are stamped with the owner. No scope means every row (admins).
 */
export interface OwnerScope {
  ownerId: Id;
}
