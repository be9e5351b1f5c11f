import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { Settings } from '../config.js';
import { AppError, codePrefix } from '../domain/errors.js';
import type { AppEnv } from './app-env.js';
import { problemResponse, statusTitle } from './problem.js';

/**
 * One shape for every failure: application errors, Hono's own `HTTPException`s
 * (malformed JSON, unsupported media type, body too large) and bugs, whose stack
 * only development sees.
 */
export function createErrorHandler(settings: Settings): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof AppError) {
      if (error.status >= 500) c.get('logger').warn({ err: error }, error.message);
      return problemResponse(
        c,
        error.status as ContentfulStatusCode,
        error.code,
        error.message,
        error.errors,
        error.headers,
      );
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const title = statusTitle(status);
      return problemResponse(c, status, codePrefix(title), error.message || title);
    }
    c.get('logger').error({ err: error }, 'Unhandled error');
    const detail =
      settings.nodeEnv === 'development'
        ? (error.stack ?? error.message)
        : 'An unexpected error occurred.';
    return problemResponse(c, 500, 'INTERNAL_ERROR', detail);
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(c, 404, 'ROUTE_NOT_FOUND', `No route matches ${c.req.method} ${c.req.path}.`);
