import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

/*
 * Headers every response carries, set on Node's response as the request arrives, before Hono
 * sees it. Hono's `secureHeaders` and `requestId` middlewares set headers through a WHATWG
 * `Headers` object on every response, which cost about a fifth of a GET's throughput
 * (bench/http.mjs in the layered repository); Node's own `setHeader` costs next to nothing.
 */

const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What OWASP's REST Security Cheat Sheet asks of an API's responses (less `Cache-Control:
 * no-store`, which is the API's own choice per route), plus `Referrer-Policy` and
 * `Cross-Origin-Resource-Policy`. The rest of hono/secure-headers' (helmet's) defaults govern
 * HTML documents or browsers' retired features (`X-XSS-Protection`, `X-Download-Options`).
 */
export const SECURITY_HEADERS = new Map<string, string>([
  ['Content-Security-Policy', "frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
]);

// What a proxy or client may send as its own request id; anything else is replaced.
const WELL_FORMED_ID = /^[\w-]{1,128}$/;

/**
 * A `request` listener: the security headers and the request id (the caller's when well
 * formed, else a new UUID) on the response, and the id on the request for Hono to read.
 */
export function stampResponse(request: IncomingMessage, response: ServerResponse): void {
  const id = wellFormed(request.headers[REQUEST_ID_HEADER]) ?? randomUUID();
  request.headers[REQUEST_ID_HEADER] = id;
  response.setHeaders(SECURITY_HEADERS);
  response.setHeader(REQUEST_ID_HEADER, id);
}

/**
 * The id `stampResponse` chose; a new one when the app runs without it (`app.request` in
 * tests, or a server made without `createHttpServer`), where the header is the caller's own.
 */
export function requestIdOf(c: Context): string {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return wellFormed(incoming?.headers[REQUEST_ID_HEADER]) ?? randomUUID();
}

function wellFormed(id: string | string[] | undefined): string | undefined {
  return typeof id === 'string' && WELL_FORMED_ID.test(id) ? id : undefined;
}
