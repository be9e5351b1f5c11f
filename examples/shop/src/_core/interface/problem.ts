import { STATUS_CODES } from 'node:http';

import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { FieldError } from '../domain/errors.js';
import type { AppEnv } from './app-env.js';

/** RFC 9457 problem details, the body of every error response. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string().openapi({ example: 'PRODUCT_NOT_FOUND' }),
    errors: z
      .array(z.object({ pointer: z.string(), message: z.string() }))
      .optional()
      .openapi({ example: [{ pointer: '/price', message: 'Expected number' }] }),
    traceId: z.string(),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof problemSchema>;

export const problemContent = { 'application/problem+json': { schema: problemSchema } };

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

export function problemResponse(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  detail: string,
  errors?: FieldError[],
  headers: Record<string, string> = {},
): Response {
  const problem: Problem = {
    type: 'about:blank',
    title: statusTitle(status),
    status,
    detail,
    instance: c.req.path,
    code,
    ...(errors && errors.length > 0 && { errors }),
    traceId: c.get('requestId'),
  };
  return c.body(JSON.stringify(problem), status, {
    ...headers,
    'Content-Type': 'application/problem+json',
  });
}
