import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCoreContainer, DATABASE, resolve } from '../../src/_core/core.module.js';
import type { Database } from '../../src/_core/infrastructure/database.js';
import { createCoreApp, type App } from '../../src/_core/interface/app.js';
import { registerAuthModule } from '../../src/auth/infrastructure/auth.module.js';
import { registerOrderModule } from '../../src/order/infrastructure/order.module.js';
import { createOrderRouter } from '../../src/order/interface/order.router.js';
import { problem } from '../_core/support/http-cases.js';
import { migrateToLatest } from '../_core/support/migrate.js';
import { testDatabaseUrls, testSettings } from '../_core/support/settings.js';
import type { Order } from '../../src/order/domain/order.entity.js';
import { signedIn, testAuthSettings, type Client } from '../auth/support/auth-app.js';
import { seedOrderRefs, type OrderRefs, sampleOrder } from './order.fixtures.js';

const PATH = '/api/v1/orders';
/** Every route with a method and a body of the right shape (the guard answers before validation). */
const ROUTES: ReadonlyArray<[string, string]> = [
  ['POST', PATH],
  ['POST', `${PATH}/bulk`],
  ['GET', PATH],
  ['GET', `${PATH}/1`],
  ['PUT', `${PATH}/1`],
  ['PATCH', `${PATH}/1`],
  ['DELETE', `${PATH}/1`],
  ['GET', '/api/v1/customers/1/orders'],
];

describe.each(testDatabaseUrls)('who may call the order routes on %s', (url) => {
  let server: App;
  let container: DependencyContainer;
  let db: Kysely<Database>;

  beforeAll(async () => {
    container = createCoreContainer(testSettings({ databaseUrl: url }));
    registerAuthModule(container, testAuthSettings());
    registerOrderModule(container);
    server = createCoreApp(container);
    server.route('/', createOrderRouter(container));
    db = resolve(container, DATABASE);
    await migrateToLatest(db);
  });

  afterAll(() => db.destroy());

  function call(method: string, path: string, headers: Record<string, string> = {}) {
    const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
    return server.request(path, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
  }

  it.each(ROUTES)(
    '%s %s without a token: 401 with WWW-Authenticate: Bearer',
    async (method, path) => {
      const response = await call(method, path);
      expect((await problem(response, 401)).code).toBe('UNAUTHORIZED');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    },
  );

  it.each(ROUTES)('%s %s with a malformed token: 401', async (method, path) => {
    await problem(await call(method, path, { Authorization: 'Bearer not.a.token' }), 401);
  });

  describe('the owner rule', () => {
    let alice: Client;
    let bob: Client;
    let admin: Client & { user: { id: number } };
    let aliceId: number;
    let refs: OrderRefs;

    beforeAll(async () => {
      const signedInAlice = await signedIn(server, container);
      aliceId = signedInAlice.user.id;
      alice = signedInAlice;
      bob = await signedIn(server, container);
      admin = await signedIn(server, container, 'admin');
      refs = await seedOrderRefs(db);
    });

    const sample = () => sampleOrder(refs);

    function send(client: Client, method: string, path: string, body?: unknown) {
      const init = body === undefined ? {} : { body: JSON.stringify(body) };
      return client.request(path, {
        method,
        headers: { 'Content-Type': 'application/json' },
        ...init,
      });
    }

    async function createAs(client: Client): Promise<Order> {
      const response = await send(client, 'POST', PATH, sample());
      expect(response.status).toBe(201);
      return ((await response.json()) as { data: Order }).data;
    }

    it('makes the caller the owner of what they create, one by one or in bulk', async () => {
      expect((await createAs(alice)).ownerId).toBe(aliceId);
      const bulk = await send(alice, 'POST', `${PATH}/bulk`, [sample(), sample()]);
      expect(bulk.status).toBe(201);
      const { data } = (await bulk.json()) as { data: Order[] };
      expect(data.map((row) => row.ownerId)).toEqual([aliceId, aliceId]);
    });

    it('refuses ownerId in a body: nobody can claim a row for someone else (422)', async () => {
      const row = await createAs(alice);
      for (const [method, path, body] of [
        ['POST', PATH, { ...sample(), ownerId: admin.user.id }],
        ['PUT', `${PATH}/${row.id}`, { ...sample(), ownerId: aliceId }],
        ['PATCH', `${PATH}/${row.id}`, { ownerId: admin.user.id }],
      ] as const) {
        const details = await problem(await send(bob, method, path, body), 422);
        expect(details.errors?.map((error) => error.pointer)).toEqual(['/ownerId']);
      }
    });

    it("answers 404 to another user's row: read, replace, change and delete, and leaves it as it was", async () => {
      const row = await createAs(alice);
      const path = `${PATH}/${row.id}`;
      await problem(await send(bob, 'GET', path), 404);
      await problem(await send(bob, 'PUT', path, sample()), 404);
      await problem(await send(bob, 'PATCH', path, {}), 404);
      await problem(await send(bob, 'DELETE', path), 404);
      expect(await (await send(alice, 'GET', path)).json()).toEqual({ data: row });
    });

    it("lists only the caller's rows, and by ids reports another user's row as missing", async () => {
      const row = await createAs(alice);
      const mine = await createAs(bob);
      const page = (await (await send(bob, 'GET', `${PATH}?pageSize=100`)).json()) as {
        data: Order[];
        meta: { total: number };
      };
      expect(page.data.every((item) => item.ownerId !== aliceId)).toBe(true);
      expect(page.data.map((item) => item.id)).toContain(mine.id);
      expect(page.meta.total).toBe(page.data.length);
      const byIds = await (await send(bob, 'GET', `${PATH}?ids=${row.id},${mine.id}`)).json();
      expect(byIds).toEqual({ data: [mine], meta: { missing: [row.id] } });
    });

    it("lets an admin see and change every user's rows; what an admin creates is the admin's", async () => {
      const row = await createAs(alice);
      const path = `${PATH}/${row.id}`;
      expect(await (await send(admin, 'GET', path)).json()).toEqual({ data: row });
      const byIds = await (await send(admin, 'GET', `${PATH}?ids=${row.id}`)).json();
      expect(byIds).toEqual({ data: [row], meta: { missing: [] } });
      const replaced = await send(admin, 'PUT', path, sample());
      expect(replaced.status).toBe(200);
      expect(((await replaced.json()) as { data: Order }).data.ownerId).toBe(aliceId);
      expect((await createAs(admin)).ownerId).toBe(admin.user.id);
      expect((await send(admin, 'DELETE', path)).status).toBe(204);
    });
  });

  it('declares bearer security on every order operation in the OpenAPI document', async () => {
    const document = (await (await server.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { tags: string[]; security?: unknown; responses: Record<string, unknown> }>
      >;
    };
    // The domain's own routes and the lists under each ref's target, which carry its tag.
    const operations = Object.values(document.paths)
      .flatMap((operations) => Object.values(operations))
      .filter((operation) => operation.tags.includes('Orders'));
    expect(operations).toHaveLength(ROUTES.length);
    for (const operation of operations) {
      expect(operation.security).toEqual([{ bearerAuth: [] }]);
      expect(operation.responses).toHaveProperty('401');
    }
  });
});
