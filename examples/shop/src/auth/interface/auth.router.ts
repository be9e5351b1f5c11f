import type { IncomingMessage } from 'node:http';

import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { DependencyContainer } from 'tsyringe';

import { envelope } from '../../_core/application/envelope.js';
import { resolve } from '../../_core/core.module.js';
import { problemContent } from '../../_core/interface/problem.js';
import { createRouter } from '../../_core/interface/router.js';
import { dataSchema, jsonContent } from '../../_core/interface/schemas.js';
import { AUTH_SERVICE } from '../application/auth.service.js';
import { credentialsSchema, refreshTokenSchema, tokenPairSchema, userSchema } from './auth.dto.js';
import { BEARER_SCHEME, bearerSecurity, requireUser } from './authenticate.js';

const tags = ['Auth'];
const invalid = { description: 'The request is not valid', content: problemContent };
const unauthorized = { description: 'Not authenticated', content: problemContent };
const tokens = {
  description: 'A new access and refresh token',
  content: jsonContent(tokenPairSchema),
};
const me = { description: 'The account', content: jsonContent(dataSchema(userSchema)) };

const register = createRoute({
  method: 'post',
  path: '/api/v1/auth/register',
  tags,
  summary: 'Create an account',
  request: { body: { required: true, content: jsonContent(credentialsSchema) } },
  responses: {
    201: me,
    403: { description: 'Registration is closed', content: problemContent },
    409: { description: 'The email has an account', content: problemContent },
    422: invalid,
  },
});

const login = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags,
  summary: 'Log in with email and password',
  request: { body: { required: true, content: jsonContent(credentialsSchema) } },
  responses: {
    200: tokens,
    401: { description: 'The email or password is wrong', content: problemContent },
    422: invalid,
    429: { description: 'Too many failed logins; see `Retry-After`', content: problemContent },
  },
});

const refresh = createRoute({
  method: 'post',
  path: '/api/v1/auth/refresh',
  tags,
  summary: 'Trade a refresh token for new tokens; the old one dies',
  request: { body: { required: true, content: jsonContent(refreshTokenSchema) } },
  responses: { 200: tokens, 401: unauthorized, 422: invalid },
});

const logout = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags,
  summary: 'End the session of a refresh token',
  request: { body: { required: true, content: jsonContent(refreshTokenSchema) } },
  responses: { 204: { description: 'Logged out' }, 401: unauthorized, 422: invalid },
});

const getMe = createRoute({
  method: 'get',
  path: '/api/v1/auth/me',
  tags,
  summary: 'The account of the access token',
  security: bearerSecurity,
  responses: { 200: me, 401: unauthorized },
});

export function createAuthRouter(container: DependencyContainer) {
  const auth = resolve(container, AUTH_SERVICE);
  const router = createRouter();
  router.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  router.use(getMe.path, requireUser(container));

  router.openapi(register, async (c) =>
    c.json(envelope(await auth.register(c.req.valid('json'))), 201),
  );

  router.openapi(login, async (c) =>
    c.json(envelope(await auth.login(c.req.valid('json'), clientAddress(c))), 200),
  );

  router.openapi(refresh, async (c) =>
    c.json(envelope(await auth.refresh(c.req.valid('json').refreshToken)), 200),
  );

  router.openapi(logout, async (c) => {
    await auth.logout(c.req.valid('json').refreshToken);
    return c.body(null, 204);
  });

  router.openapi(getMe, async (c) => c.json(envelope(await auth.me(c.get('user').id)), 200));

  return router;
}

/**
 * The peer's address from Node's socket (what `@hono/node-server`'s `getConnInfo` reads);
 * `app.request` in tests has no socket. Behind a proxy every client shares the proxy's
 * address: put the limiter's key on the forwarded address there, from a proxy you trust.
 */
function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
}
