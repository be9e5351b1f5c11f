import type { Context } from 'hono';

import type { OwnerScope } from '../../_core/domain/scope.js';

/**
 * The rows a signed-in caller may read, change or delete in an `--access owner` domain: their
 * own, or every row for an admin. Others' rows then answer 404, as if they did not exist.
 */
export function visibleTo(c: Context): OwnerScope | undefined {
  const user = c.get('user');
  return user.role === 'admin' ? undefined : { ownerId: user.id };
}

/** Who owns a row the caller creates: the caller, admins included; never the request body. */
export function ownedBy(c: Context): OwnerScope {
  return { ownerId: c.get('user').id };
}
