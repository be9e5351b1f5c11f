import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCoreContainer, DATABASE, resolve } from '../../src/_core/core.module.js';
import type { Database } from '../../src/_core/infrastructure/database.js';
import { createCoreApp, type App } from '../../src/_core/interface/app.js';
import type { OrderItem } from '../../src/order-item/domain/order-item.entity.js';
import { registerAuthModule } from '../../src/auth/infrastructure/auth.module.js';
import { registerOrderItemModule } from '../../src/order-item/infrastructure/order-item.module.js';
import { createOrderItemRouter } from '../../src/order-item/interface/order-item.router.js';
import {
  BAD_BODIES,
  BAD_IDS,
  BAD_QUERIES,
  countRows,
  createBodySchema,
  NASTY_TEXT,
  problem,
  uniqueText,
} from '../_core/support/http-cases.js';
import { migrateToLatest } from '../_core/support/migrate.js';
import { testDatabaseUrls, testSettings } from '../_core/support/settings.js';
import { signedIn, testAuthSettings, type Client } from '../auth/support/auth-app.js';
import { seedOrderItemRefs, type OrderItemRefs, sampleOrderItem } from './order-item.fixtures.js';

const PATH = '/api/v1/order-items';
const ABSENT_ID = 2_000_000_000;

/** Every field with its type and a value of the wrong type; the bad-input cases pick those they fit. */
const FIELDS: ReadonlyArray<{ property: string; type: string; wrongType: unknown }> = [
  { property: 'orderId', type: 'ref', wrongType: 'first' },
  { property: 'productId', type: 'ref', wrongType: 'first' },
  { property: 'quantity', type: 'int', wrongType: 'many' },
  { property: 'unitPrice', type: 'decimal', wrongType: 'cheap' },
];
const STRING_FIELDS = FIELDS.filter((field) => field.type === 'string' || field.type === 'text');

describe.each(testDatabaseUrls)('order items over HTTP on %s', (url) => {
  let app: Client;
  let db: Kysely<Database>;
  let refs: OrderItemRefs;

  beforeAll(async () => {
    const container = createCoreContainer(testSettings({ databaseUrl: url }));
    registerAuthModule(container, testAuthSettings());
    registerOrderItemModule(container);
    const server = createCoreApp(container);
    server.route('/', createOrderItemRouter(container));
    db = resolve(container, DATABASE);
    await migrateToLatest(db);
    // Every request below carries a valid token: what this file tests is the domain itself.
    app = await signedIn(server, container);
    refs = await seedOrderItemRefs(db);
  });

  afterAll(() => db.destroy());

  const sample = () => sampleOrderItem(refs);

  function send(method: string, path: string, body: unknown) {
    return app.request(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async function create(body: object = sample()): Promise<OrderItem> {
    const response = await send('POST', PATH, body);
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: OrderItem }).data;
  }

  const total = () => countRows(app, PATH);
  const createBody = () => createBodySchema(app, PATH);

  it('creates an order item: 201, its Location, every field as sent', async () => {
    const input = sample();
    const response = await send('POST', PATH, input);
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: OrderItem };
    expect(response.headers.get('location')).toBe(`${PATH}/${data.id}`);
    expect(data).toEqual({
      ...input,
      id: expect.any(Number),
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: data.createdAt,
      ownerId: expect.any(Number),
    });
    const read = await app.request(`${PATH}/${data.id}`);
    expect(await read.json()).toEqual({ data });
  });

  it('fills in defaults and nulls for fields left out', async () => {
    const input = sample();
    const created = await create({
      orderId: input.orderId,
      productId: input.productId,
      quantity: input.quantity,
      unitPrice: input.unitPrice,
    });
    expect(created).toMatchObject({});
  });

  it('creates many in one transaction, in the order sent', async () => {
    const before = await total();
    const response = await send('POST', `${PATH}/bulk`, [sample(), sample()]);
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: OrderItem[] };
    expect(data).toHaveLength(2);
    expect(data[0]!.id).toBeLessThan(data[1]!.id);
    expect(await total()).toBe(before + 2);
  });

  it('stores none of a bulk body with one bad row, pointing at it', async () => {
    const before = await total();
    const response = await send('POST', `${PATH}/bulk`, [
      sample(),
      { ...sample(), quantity: 'many' },
    ]);
    const details = await problem(response, 422);
    expect(details.errors?.map((error) => error.pointer)).toEqual(['/1/quantity']);
    expect(await total()).toBe(before);
  });

  it('lists a page in id order with its meta', async () => {
    await create();
    await create();
    const response = await app.request(`${PATH}?page=1&pageSize=2`);
    expect(response.status).toBe(200);
    const { data, meta } = (await response.json()) as {
      data: OrderItem[];
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

  it('walks the list by cursor, newest first: every row once, and no count', async () => {
    await create();
    await create();
    await create();
    const seen: number[] = [];
    let query = 'sort=-id&limit=2';
    for (;;) {
      const response = await app.request(`${PATH}?${query}`);
      expect(response.status).toBe(200);
      const { data, meta } = (await response.json()) as {
        data: OrderItem[];
        meta: { nextCursor: string | null };
      };
      expect(meta).not.toHaveProperty('total');
      seen.push(...data.map((row) => row.id));
      if (meta.nextCursor === null) break;
      query = `sort=-id&limit=2&after=${encodeURIComponent(meta.nextCursor)}`;
    }
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(await total());
  });

  it('filters on quantity: only rows holding the value asked for', async () => {
    const created = await create();
    const value = created.quantity;
    const response = await app.request(
      `${PATH}?quantity=${encodeURIComponent(value)}&sort=-id&pageSize=100`,
    );
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: OrderItem[] };
    expect(data[0]?.id).toBe(created.id);
    expect(data.every((item) => item.quantity === created.quantity)).toBe(true);
  });

  it('lists the order items of one order at /api/v1/orders/{id}/order-items, 404 under one that does not exist', async () => {
    const child = await create();
    const parentId = child.orderId;
    const path = `/api/v1/orders/{id}/order-items`.replace('{id}', String(parentId));
    const response = await app.request(`${path}?limit=100`);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: OrderItem[] };
    expect(data.map((row) => row.id)).toContain(child.id);
    expect(data.every((row) => row.orderId === parentId)).toBe(true);
    const absent = `/api/v1/orders/{id}/order-items`.replace('{id}', String(ABSENT_ID));
    expect((await problem(await app.request(absent), 404)).code).toMatch(/_NOT_FOUND$/);
    expect((await problem(await app.request(`${path}?ids=${child.id}`), 422)).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('lists the order items of one product at /api/v1/products/{id}/order-items, 404 under one that does not exist', async () => {
    const child = await create();
    const parentId = child.productId;
    const path = `/api/v1/products/{id}/order-items`.replace('{id}', String(parentId));
    const response = await app.request(`${path}?limit=100`);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: OrderItem[] };
    expect(data.map((row) => row.id)).toContain(child.id);
    expect(data.every((row) => row.productId === parentId)).toBe(true);
    const absent = `/api/v1/products/{id}/order-items`.replace('{id}', String(ABSENT_ID));
    expect((await problem(await app.request(absent), 404)).code).toMatch(/_NOT_FOUND$/);
    expect((await problem(await app.request(`${path}?ids=${child.id}`), 422)).code).toBe(
      'VALIDATION_FAILED',
    );
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
    expect(absent.code).toBe('ORDER_ITEM_NOT_FOUND');
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
      orderId: created.orderId,
      productId: created.productId,
      quantity: created.quantity,
      unitPrice: created.unitPrice,
    };
    const response = await send('PUT', `${PATH}/${created.id}`, body);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: OrderItem };
    expect(data).toMatchObject({
      ...body,
    });
    expect((await send('PUT', `${PATH}/${ABSENT_ID}`, body)).status).toBe(404);
  });

  it('changes only the fields sent with PATCH', async () => {
    const created = await create();
    const changes = { quantity: 7 };
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
    const response = await send('POST', PATH, { ...sample(), quantity: 'many' });
    const details = await problem(response, 422);
    expect(details.code).toBe('VALIDATION_FAILED');
    expect(details.errors?.map((error) => error.pointer)).toEqual(['/quantity']);
  });

  it('names unknown fields', async () => {
    const details = await problem(await send('POST', PATH, { ...sample(), colour: 'red' }), 422);
    expect(details.errors).toEqual([{ pointer: '/colour', message: 'Unknown field "colour".' }]);
  });

  it('points at every required field left out', async () => {
    const details = await problem(await send('POST', PATH, {}), 422);
    expect(details.errors?.map((error) => error.pointer).sort()).toEqual(
      ['/orderId', '/productId', '/quantity', '/unitPrice'].sort(),
    );
  });

  it('answers an order that does not exist with 422 naming the field', async () => {
    const response = await send('POST', PATH, { ...sample(), orderId: ABSENT_ID });
    const details = await problem(response, 422);
    expect(details).toMatchObject({
      code: 'ORDER_ITEM_REFERENCE_NOT_FOUND',
      errors: [{ pointer: '/orderId', message: `Order ${ABSENT_ID} does not exist.` }],
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
    const properties = Object.entries(await createBody());
    for (const [property, { maxLength }] of properties.filter(([, schema]) => schema.maxLength)) {
      const tooLong = await send('POST', PATH, {
        ...sample(),
        [property]: 'x'.repeat(maxLength! + 1),
      });
      expect((await problem(tooLong, 422)).errors?.map((error) => error.pointer)).toEqual([
        `/${property}`,
      ]);
      const atMax = uniqueText('é'.repeat(maxLength!), maxLength);
      expect((await create({ ...sample(), [property]: atMax }))[property as keyof OrderItem]).toBe(
        atMax,
      );
    }
  });

  it('refuses a value outside an enum', async () => {
    const properties = Object.entries(await createBody());
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
        const schema = await createBody();
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

    it('refuses the NUL character, which PostgreSQL cannot store, with 422 on every database', async () => {
      const pointers = STRING_FIELDS.map(({ property }) => `/${property}`);
      const input = {
        ...sample(),
        ...Object.fromEntries(STRING_FIELDS.map(({ property }) => [property, '\u0000'])),
      };
      expect(
        (await problem(await send('POST', PATH, input), 422)).errors?.map((error) => error.pointer),
      ).toEqual(pointers);
    });
  });

  it('stores every one of many concurrent creates', async () => {
    const before = await total();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => send('POST', PATH, sample())),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(await total()).toBe(before + 20);
  });

  it('stores none of a bulk create whose third row names a missing order', async () => {
    const before = await total();
    const response = await send('POST', `${PATH}/bulk`, [
      sample(),
      sample(),
      { ...sample(), orderId: ABSENT_ID },
    ]);
    const details = await problem(response, 422);
    expect(details.errors?.map((error) => error.pointer)).toEqual(['/2/orderId']);
    expect(await total()).toBe(before);
  });
});
