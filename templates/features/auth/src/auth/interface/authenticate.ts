import type { MiddlewareHandler } from 'hono';
import type { DependencyContainer } from 'tsyringe';

import { resolve } from '../../_core/core.module.js';
import type { AppEnv } from '../../_core/interface/app-env.js';
import { ForbiddenError, UnauthorizedError } from '../domain/auth.errors.js';
import { ACCESS_TOKENS, USER_STORE } from '../domain/auth.ports.js';
import type { CurrentUser, Role } from '../domain/user.entity.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `requireUser` on the routes it guards. */
    user: CurrentUser;
  }
}

/** The OpenAPI security scheme of every guarded route; the auth router registers it. */
export const BEARER_SCHEME = 'bearerAuth';
export const bearerSecurity = [{ [BEARER_SCHEME]: [] }];

const BEARER = /^Bearer ([A-Za-z0-9_.~+/-]+=*)$/i;

/**
 * Lets a request through with a valid access token whose user still exists and has `role`
 * (an admin passes everywhere), and puts the user on `c.var.user`. The user's row, not the
 * token, decides: a deleted or demoted user's token stops working at once.
 */
export function requireUser(
  container: DependencyContainer,
  role: Role = 'user',
): MiddlewareHandler<AppEnv> {
  const tokens = resolve(container, ACCESS_TOKENS);
  const users = resolve(container, USER_STORE);
  return async (c, next) => {
    const token = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    const claims = token === undefined ? undefined : await tokens.verify(token);
    const user = claims && (await users.findById(claims.id));
    if (!user) throw new UnauthorizedError();
    if (role === 'admin' && user.role !== 'admin') throw new ForbiddenError();
    c.set('user', { id: user.id, role: user.role });
    await next();
  };
}
