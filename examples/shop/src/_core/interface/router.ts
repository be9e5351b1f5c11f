import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';

import { ValidationError, type FieldError } from '../domain/errors.js';
import type { AppEnv } from './app-env.js';

/**
 * Every router (domain or core) is created here so that request validation fails the
 * same way everywhere: a `ValidationError`, rendered as 422 by the error handler.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ValidationError(fieldErrors(result.error));
    },
  });
}

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          pointer: jsonPointer([...issue.path, key]),
          message: `Unknown field "${key}".`,
        }))
      : [{ pointer: jsonPointer(issue.path), message: issue.message }],
  );
}

/** RFC 6901: `['items', 2, 'a/b']` → `/items/2/a~1b`. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}
