import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { DependencyContainer } from 'tsyringe';

import { LOGGER, resolve, SETTINGS } from '../core.module.js';
import { apiInfo } from './api-info.js';
import type { AppEnv } from './app-env.js';
import { createDocsRouter } from './docs.router.js';
import { createErrorHandler, notFoundHandler } from './error-handler.js';
import { createHealthRouter } from './health.router.js';
import { requestLog } from './request-log.js';
import { createRouter } from './router.js';

export type App = OpenAPIHono<AppEnv>;

export const MAX_BODY_BYTES = 1024 * 1024;
// Every method that may carry a body; GET, HEAD and OPTIONS skip the check entirely.
const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The HTTP app with everything but domain routes: request id and logging, CORS (only when
 * origins are configured), body limit, problem+json errors, health and docs. Node's server
 * adds the security and request id headers (`http-edge.ts`).
 */
export function createCoreApp(container: DependencyContainer): App {
  const settings = resolve(container, SETTINGS);
  const app = createRouter();

  app.use(requestLog(resolve(container, LOGGER)));
  if (settings.corsOrigins.length > 0) {
    const anyOrigin = settings.corsOrigins.includes('*');
    // Credentials are only allowed for an explicit list; `*` with credentials is never sent.
    app.use(cors({ origin: anyOrigin ? '*' : settings.corsOrigins, credentials: !anyOrigin }));
  }
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HTTPException(413, { message: `The body exceeds ${MAX_BODY_BYTES} bytes.` });
    },
  });
  // Reading `c.req.raw.body` makes @hono/node-server build a full `Request` (about a third of
  // a GET's cost in bench/http.mjs): only requests that may carry a body pay for the check.
  app.on(BODY_METHODS, '*', limitBody);
  app.onError(createErrorHandler(settings));
  app.notFound(notFoundHandler);

  app.route('/', createHealthRouter(container));
  app.route('/', createDocsRouter());
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: apiInfo });
  return app;
}
