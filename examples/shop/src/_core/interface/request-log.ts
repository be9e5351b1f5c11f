import type { MiddlewareHandler } from 'hono';

import type { Logger } from '../infrastructure/logger.js';
import type { AppEnv } from './app-env.js';

/** One log line per request, and `c.var.logger` carrying the request id for handlers. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    c.set('logger', logger.child({ requestId: c.var.requestId }));
    await next();
    c.var.logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}
