import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCoreContainer, DATABASE, resolve } from '../../src/_core/core.module.js';
import type { Database } from '../../src/_core/infrastructure/database.js';
import { createCoreApp, MAX_BODY_BYTES, type App } from '../../src/_core/interface/app.js';
import type { Category } from '../../src/category/domain/category.entity.js';
import { registerCategoryModule } from '../../src/category/infrastructure/category.module.js';
import { createCategoryRouter } from '../../src/category/interface/category.router.js';
import { migrateToLatest } from '../_core/support/migrate.js';
import { testDatabaseUrls, testSettings } from '../_core/support/settings.js';
import { uniqueNumber } from '../_core/support/unique.js';
import { seedCategoryRefs, type CategoryRefs, sampleCategory } from './category.fixtures.js';

const PATH = '/api/v1/categories';
const ABSENT_ID = 2_000_000_000;

/** Every field with its type and a value of the wrong type; the bad-input cases pick those they fit. */
const FIELDS: ReadonlyArray<{ property: string; type: string; wrongType: unknown }> = [
  { property: 'name', type: 'string', wrongType: 42 },
  { property: 'description', type: 'text', wrongType: 42 },
  { property: 'parentId', type: 'ref', wrongType: 'first' },
];
const STRING_FIELDS = FIELDS.filter((field) => field.type === 'string' || field.type === 'text');

/** Text that breaks naive SQL, LIKE patterns, escaping or encodings; all of it is stored as sent. */
const NASTY_TEXT = [
  "'; DROP TABLE x; --",
  "Robert'); DELETE FROM category;--",
  '100% _wild_ %_ *',
  'back\\slash \\\\ \\n \\0 \\%',
  `"double" 'single' \`back\``,
  'Zoë Ünïcödé 日本語 עברית',
  '🙂👍🏽 🏳️‍🌈',
  '  padded  ',
  'line\nbreak\ttab\r',
  'nul\u0000byte',
];

/** Path ids that are not positive integers an id could be. */
const BAD_IDS = [
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
const BAD_QUERIES = [
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
];

/** Bodies refused before any query: [case, method, path under PATH, content type, body, status]. */
const BAD_BODIES: Array<[string, string, string, string | null, string, number]> = [
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
function uniqueText(text: string, max = Infinity): string {
  const prefix = `${uniqueNumber()} `;
  let tail = text;
  while (prefix.length + tail.length > max && tail.length > 0)
    tail = [...tail].slice(0, -1).join('');
  return `${prefix}${tail}`.slice(0, max);
}

interface Problem {
  status: number;
  code: string;
  errors?: Array<{ pointer: string; message: string }>;
}

describe.each(testDatabaseUrls)('categories over HTTP on %s', (url) => {
  let app: App;
  let db: Kysely<Database>;
  let refs: CategoryRefs;

  beforeAll(async () => {
    const container = createCoreContainer(testSettings({ databaseUrl: url }));
    registerCategoryModule(container);
    app = createCoreApp(container);
    app.route('/', createCategoryRouter(container));
    db = resolve(container, DATABASE);
    await migrateToLatest(db);
    refs = await seedCategoryRefs(db);
  });

  afterAll(() => db.destroy());

  const sample = () => sampleCategory(refs);

  function send(method: string, path: string, body: unknown) {
    return app.request(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async function create(body: object = sample()): Promise<Category> {
    const response = await send('POST', PATH, body);
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: Category }).data;
  }

  async function problem(response: Response, status: number): Promise<Problem> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const text = await response.text();
    expect(text).not.toMatch(/\n\s+at /);
    return JSON.parse(text) as Problem;
  }

  /** The create body's JSON schema, as the OpenAPI document publishes it. */
  async function createBodySchema(): Promise<
    Record<string, { maxLength?: number; enum?: string[] }>
  > {
    type Schema = {
      $ref?: string;
      properties?: Record<string, { maxLength?: number; enum?: string[] }>;
    };
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: Schema }> } } }
      >;
      components: { schemas: Record<string, Schema> };
    };
    const schema = document.paths[PATH]!.post.requestBody.content['application/json']!.schema;
    const resolved = schema.$ref
      ? document.components.schemas[schema.$ref.split('/').pop()!]!
      : schema;
    return resolved.properties ?? {};
  }

  async function total(): Promise<number> {
    const response = await app.request(`${PATH}?pageSize=1`);
    return ((await response.json()) as { meta: { total: number } }).meta.total;
  }

  it('creates a category: 201, its Location, every field as sent', async () => {
    const input = sample();
    const response = await send('POST', PATH, input);
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: Category };
    expect(response.headers.get('location')).toBe(`${PATH}/${data.id}`);
    expect(data).toEqual({
      ...input,
      id: expect.any(Number),
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: data.createdAt,
    });
    const read = await app.request(`${PATH}/${data.id}`);
    expect(await read.json()).toEqual({ data });
  });

  it('fills in defaults and nulls for fields left out', async () => {
    const input = sample();
    const created = await create({
      name: input.name,
    });
    expect(created).toMatchObject({
      description: null,
      parentId: null,
    });
  });

  it('creates many in one transaction, in the order sent', async () => {
    const before = await total();
    const response = await send('POST', `${PATH}/bulk`, [sample(), sample()]);
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: Category[] };
    expect(data).toHaveLength(2);
    expect(data[0]!.id).toBeLessThan(data[1]!.id);
    expect(await total()).toBe(before + 2);
  });

  it('stores none of a bulk body with one bad row, pointing at it', async () => {
    const before = await total();
    const response = await send('POST', `${PATH}/bulk`, [sample(), { ...sample(), name: 42 }]);
    const details = await problem(response, 422);
    expect(details.errors?.map((error) => error.pointer)).toEqual(['/1/name']);
    expect(await total()).toBe(before);
  });

  it('rolls a bulk create back when its third row clashes in the database', async () => {
    const existing = await create();
    const before = await total();
    const response = await send('POST', `${PATH}/bulk`, [
      sample(),
      sample(),
      { ...sample(), name: existing.name },
    ]);
    expect((await problem(response, 409)).code).toBe('CATEGORY_CONFLICT');
    expect(await total()).toBe(before);
  });

  it('lists a page in id order with its meta', async () => {
    await create();
    await create();
    const response = await app.request(`${PATH}?page=1&pageSize=2`);
    expect(response.status).toBe(200);
    const { data, meta } = (await response.json()) as {
      data: Category[];
      meta: Record<string, number>;
    };
    expect(data).toHaveLength(2);
    expect(data[0]!.id).toBeLessThan(data[1]!.id);
    expect(meta).toEqual({
      page: 1,
      pageSize: 2,
      total: expect.any(Number),
      totalPages: Math.ceil(meta.total! / 2),
    });
    const beyond = await app.request(`${PATH}?page=${meta.totalPages! + 1}&pageSize=2`);
    expect(((await beyond.json()) as { data: unknown[] }).data).toEqual([]);
  });

  it.each(BAD_QUERIES)('refuses ?%s with 422', async (query) => {
    expect((await problem(await app.request(`${PATH}?${query}`), 422)).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('answers a page far past the end with an empty list', async () => {
    const response = await app.request(`${PATH}?page=999999999999999&pageSize=100`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      data: [],
      meta: { page: 999999999999999, pageSize: 100 },
    });
  });

  it('finds by ids in the order asked and names the missing ones', async () => {
    const a = await create();
    const b = await create();
    const response = await app.request(`${PATH}?ids=${b.id},${ABSENT_ID},${a.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [b, a], meta: { missing: [ABSENT_ID] } });
  });

  it('gets one by id, and answers 404 for an absent id and 422 for a malformed one', async () => {
    const created = await create();
    expect(await (await app.request(`${PATH}/${created.id}`)).json()).toEqual({ data: created });
    const absent = await problem(await app.request(`${PATH}/${ABSENT_ID}`), 404);
    expect(absent.code).toBe('CATEGORY_NOT_FOUND');
  });

  it.each(BAD_IDS.flatMap((id) => ['GET', 'PUT', 'PATCH', 'DELETE'].map((method) => [method, id])))(
    'refuses %s of id %s with 422',
    async (method, id) => {
      const withBody = method === 'PUT' || method === 'PATCH';
      const response = withBody
        ? await send(method, `${PATH}/${id}`, sample())
        : await app.request(`${PATH}/${id}`, { method });
      expect((await problem(response, 422)).errors?.map((error) => error.pointer)).toEqual(['/id']);
    },
  );

  it('replaces with PUT: fields left out get their default or null', async () => {
    const created = await create();
    const body = {
      name: created.name,
    };
    const response = await send('PUT', `${PATH}/${created.id}`, body);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: Category };
    expect(data).toMatchObject({
      ...body,
      description: null,
      parentId: null,
    });
    expect((await send('PUT', `${PATH}/${ABSENT_ID}`, body)).status).toBe(404);
  });

  it('changes only the fields sent with PATCH', async () => {
    const created = await create();
    const changes = { name: sample().name };
    const response = await send('PATCH', `${PATH}/${created.id}`, changes);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { ...created, ...changes, updatedAt: expect.any(String) },
    });
  });

  it('deletes: 204, then 404', async () => {
    const created = await create();
    const response = await app.request(`${PATH}/${created.id}`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    await problem(await app.request(`${PATH}/${created.id}`), 404);
    await problem(await app.request(`${PATH}/${created.id}`, { method: 'DELETE' }), 404);
  });

  it('answers a wrong type with 422 and a pointer', async () => {
    const response = await send('POST', PATH, { ...sample(), name: 42 });
    const details = await problem(response, 422);
    expect(details.code).toBe('VALIDATION_FAILED');
    expect(details.errors?.map((error) => error.pointer)).toEqual(['/name']);
  });

  it('names unknown fields', async () => {
    const details = await problem(await send('POST', PATH, { ...sample(), colour: 'red' }), 422);
    expect(details.errors).toEqual([{ pointer: '/colour', message: 'Unknown field "colour".' }]);
  });

  it('points at every required field left out', async () => {
    const details = await problem(await send('POST', PATH, {}), 422);
    expect(details.errors?.map((error) => error.pointer).sort()).toEqual(['/name'].sort());
  });

  it('answers a clash on name with 409', async () => {
    const existing = await create();
    const response = await send('POST', PATH, { ...sample(), name: existing.name });
    expect((await problem(response, 409)).code).toBe('CATEGORY_CONFLICT');
  });

  it('answers a category that does not exist with 422 naming the field', async () => {
    const response = await send('POST', PATH, { ...sample(), parentId: ABSENT_ID });
    const details = await problem(response, 422);
    expect(details).toMatchObject({
      code: 'CATEGORY_REFERENCE_NOT_FOUND',
      errors: [{ pointer: '/parentId', message: `Category ${ABSENT_ID} does not exist.` }],
    });
  });

  it.each(BAD_BODIES)(
    'answers %s with a problem, not a 500',
    async (_, method, path, type, body, status) => {
      const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
      const response = await app.request(`${PATH}${path}`, { method, headers, body });
      expect((await problem(response, status)).status).toBe(status);
    },
  );

  it('answers a wrong type in each field with 422 pointing at it', async () => {
    for (const { property, wrongType } of FIELDS.filter((field) => field.wrongType !== null)) {
      const details = await problem(
        await send('POST', PATH, { ...sample(), [property]: wrongType }),
        422,
      );
      expect(
        details.errors?.map((error) => error.pointer),
        property,
      ).toEqual([`/${property}`]);
    }
  });

  it('refuses a string over its max length and stores one at it', async () => {
    const properties = Object.entries(await createBodySchema());
    for (const [property, { maxLength }] of properties.filter(([, schema]) => schema.maxLength)) {
      const tooLong = await send('POST', PATH, {
        ...sample(),
        [property]: 'x'.repeat(maxLength! + 1),
      });
      expect((await problem(tooLong, 422)).errors?.map((error) => error.pointer)).toEqual([
        `/${property}`,
      ]);
      const atMax = uniqueText('é'.repeat(maxLength!), maxLength);
      expect((await create({ ...sample(), [property]: atMax }))[property as keyof Category]).toBe(
        atMax,
      );
    }
  });

  it('refuses a value outside an enum', async () => {
    const properties = Object.entries(await createBodySchema());
    for (const [property, schema] of properties.filter(([, schema]) => schema.enum)) {
      for (const value of ['not-a-value', schema.enum![0]!.toUpperCase(), '']) {
        const details = await problem(
          await send('POST', PATH, { ...sample(), [property]: value }),
          422,
        );
        expect(
          details.errors?.map((error) => error.pointer),
          value,
        ).toEqual([`/${property}`]);
      }
    }
  });

  describe.skipIf(STRING_FIELDS.length === 0)('text with SQL meta-characters', () => {
    it.each(NASTY_TEXT)(
      'stores %j in every string field and reads it back verbatim',
      async (text) => {
        const schema = await createBodySchema();
        const strings = STRING_FIELDS.map(({ property }) => [
          property,
          uniqueText(text, schema[property]?.maxLength),
        ]);
        const input = { ...sample(), ...Object.fromEntries(strings) };
        const created = await create(input);
        expect(created).toMatchObject(input);
        expect(await (await app.request(`${PATH}/${created.id}`)).json()).toEqual({
          data: created,
        });
        expect(await (await app.request(`${PATH}?ids=${created.id}`)).json()).toMatchObject({
          data: [created],
        });
      },
    );
  });

  it('stores every one of many concurrent creates', async () => {
    const before = await total();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => send('POST', PATH, sample())),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(await total()).toBe(before + 20);
  });

  it('lets exactly one of two concurrent creates with the same name win', async () => {
    const input = sample();
    const before = await total();
    const responses = await Promise.all([send('POST', PATH, input), send('POST', PATH, input)]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(await total()).toBe(before + 1);
  });

  it('lets exactly one of two concurrent bulk creates clashing in opposite order win', async () => {
    const [a, b] = [sample(), sample()];
    const before = await total();
    const responses = await Promise.all([
      send('POST', `${PATH}/bulk`, [a, b]),
      send('POST', `${PATH}/bulk`, [b, a]),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(await total()).toBe(before + 2);
  });

  it('stores none of a bulk create whose third row names a missing category', async () => {
    const before = await total();
    const response = await send('POST', `${PATH}/bulk`, [
      sample(),
      sample(),
      { ...sample(), parentId: ABSENT_ID },
    ]);
    const details = await problem(response, 422);
    expect(details.errors?.map((error) => error.pointer)).toEqual(['/2/parentId']);
    expect(await total()).toBe(before);
  });
});
