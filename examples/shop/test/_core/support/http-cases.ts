import { expect } from 'vitest';

import { MAX_BODY_BYTES, type App } from '../../../src/_core/interface/app.js';
import { uniqueNumber } from './unique.js';

/** What tests send requests through: the app, or a client that adds headers (a token) to each. */
export type Client = Pick<App, 'request'>;

/*
 * The bad-input cases every domain's HTTP test runs: none of them depends on the domain's
 * fields, so they live here once and each domain's test picks them up.
 */

/**
 * Text that breaks naive SQL, LIKE patterns, escaping or encodings; all of it is stored as sent.
 * (U+0000 is refused instead: PostgreSQL cannot store it.)
 */
export const NASTY_TEXT = [
  "'; DROP TABLE x; --",
  "Robert'); DELETE FROM students;--",
  '100% _wild_ %_ *',
  'back\\slash \\\\ \\n \\0 \\%',
  `"double" 'single' \`back\``,
  'Zoë Ünïcödé 日本語 עברית',
  '🙂👍🏽 🏳️‍🌈',
  '  padded  ',
  'line\nbreak\ttab\r',
];

/** Path ids that are not positive integers an id could be. */
export const BAD_IDS = [
  '0',
  '-1',
  'abc',
  '1.5',
  '1e3',
  '0x10',
  '%20',
  '99999999999999999999',
  '9007199254740993',
];

/** Query strings the list route refuses. */
export const BAD_QUERIES = [
  'page=0',
  'page=-1',
  'page=1.5',
  'page=first',
  'page=',
  'page=99999999999999999999',
  'pageSize=0',
  'pageSize=-5',
  'pageSize=101',
  'pageSize=1e2',
  'ids=',
  'ids=,',
  'ids=1,x',
  'ids=0',
  'ids=-1',
  'ids=1;2',
  'ids=99999999999999999999',
  `ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`,
  'ids=1&page=1',
  'ids=1&limit=5',
  'ids=1&id.gt=1',
  'limit=0',
  'limit=101',
  'limit=ten',
  'page=1&limit=5',
  'pageSize=5&after=x',
  'after=',
  'after=garbage',
  'after=W10.AAAAAAAAAAAAAAAAAAAAAA',
  'sort=',
  'sort=nope',
  'sort=id,-id',
  'sort=createdAt,,id',
  'sort=id&sort=-id',
  'unknownKey=1',
  'Id.gt=1',
  'id.foo=1',
  'id.gt=abc',
  'id.in=1,2',
  'createdAt=2026-01-01T00:00:00Z',
  'createdAt.gt=yesterday',
  'updatedAt.lte=2026-13-01T00:00:00Z',
];

/** Bodies refused before any query: [case, method, path under PATH, content type, body, status]. */
export const BAD_BODIES: Array<[string, string, string, string | null, string, number]> = [
  ['malformed JSON', 'POST', '', 'application/json', '{"a": ', 400],
  ['malformed JSON in a bulk', 'POST', '/bulk', 'application/json', '[{', 400],
  ['malformed JSON in a PUT', 'PUT', '/1', 'application/json', '{', 400],
  ['malformed JSON in a PATCH', 'PATCH', '/1', 'application/json', "{'a': 1}", 400],
  ['text/plain', 'POST', '', 'text/plain', '{}', 415],
  ['a form', 'POST', '', 'application/x-www-form-urlencoded', 'a=1', 415],
  ['no content type', 'PATCH', '/1', null, '{}', 415],
  ['an array for one', 'POST', '', 'application/json', '[]', 422],
  ['a string for one', 'POST', '', 'application/json', '"text"', 422],
  ['null for one', 'PUT', '/1', 'application/json', 'null', 422],
  ['an object for a bulk', 'POST', '/bulk', 'application/json', '{}', 422],
  ['an empty bulk', 'POST', '/bulk', 'application/json', '[]', 422],
  [
    'a bulk over 100 rows',
    'POST',
    '/bulk',
    'application/json',
    JSON.stringify(Array(101).fill({})),
    422,
  ],
  [
    'a body over the limit',
    'POST',
    '',
    'application/json',
    JSON.stringify({ a: 'x'.repeat(MAX_BODY_BYTES) }),
    413,
  ],
];

/** `text` after a number unique to this call, cut to `max` UTF-16 units, never inside a character. */
export function uniqueText(text: string, max = Infinity): string {
  const prefix = `${uniqueNumber()} `;
  let tail = text;
  while (prefix.length + tail.length > max && tail.length > 0)
    tail = [...tail].slice(0, -1).join('');
  return `${prefix}${tail}`.slice(0, max);
}

export interface Problem {
  status: number;
  code: string;
  errors?: Array<{ pointer: string; message: string }>;
}

/** Asserts a problem+json answer with this status and no stack trace, and returns its body. */
export async function problem(response: Response, status: number): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const text = await response.text();
  expect(text).not.toMatch(/\n\s+at /);
  return JSON.parse(text) as Problem;
}

type PropertySchema = { maxLength?: number; enum?: string[] };

/** The create body's properties at `path`, as the OpenAPI document publishes them. */
export async function createBodySchema(
  app: Client,
  path: string,
): Promise<Record<string, PropertySchema>> {
  type Schema = { $ref?: string; properties?: Record<string, PropertySchema> };
  const document = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<
      string,
      { post: { requestBody: { content: Record<string, { schema: Schema }> } } }
    >;
    components: { schemas: Record<string, Schema> };
  };
  const schema = document.paths[path]!.post.requestBody.content['application/json']!.schema;
  const resolved = schema.$ref
    ? document.components.schemas[schema.$ref.split('/').pop()!]!
    : schema;
  return resolved.properties ?? {};
}

/** How many rows the collection at `path` holds, as its list route reports. */
export async function countRows(app: Client, path: string): Promise<number> {
  const response = await app.request(`${path}?pageSize=1`);
  return ((await response.json()) as { meta: { total: number } }).meta.total;
}
