import type { Kysely } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCoreContainer, DATABASE, resolve } from '../../src/_core/core.module.js';
import type { Database } from '../../src/_core/infrastructure/database.js';
import { createCoreApp, type App } from '../../src/_core/interface/app.js';
import { registerAuthModule } from '../../src/auth/infrastructure/auth.module.js';
import { registerCategoryModule } from '../../src/category/infrastructure/category.module.js';
import { createCategoryRouter } from '../../src/category/interface/category.router.js';
import { problem } from '../_core/support/http-cases.js';
import { migrateToLatest } from '../_core/support/migrate.js';
import { testDatabaseUrls, testSettings } from '../_core/support/settings.js';
import { testAuthSettings } from '../auth/support/auth-app.js';

const PATH = '/api/v1/categories';
/** Every route with a method and a body of the right shape (the guard answers before validation). */
const ROUTES: ReadonlyArray<[string, string]> = [
  ['POST', PATH],
  ['POST', `${PATH}/bulk`],
  ['GET', PATH],
  ['GET', `${PATH}/1`],
  ['PUT', `${PATH}/1`],
  ['PATCH', `${PATH}/1`],
  ['DELETE', `${PATH}/1`],
  ['GET', '/api/v1/categories/1/categories'],
];

describe.each(testDatabaseUrls)('who may call the category routes on %s', (url) => {
  let server: App;
  let container: DependencyContainer;
  let db: Kysely<Database>;

  beforeAll(async () => {
    container = createCoreContainer(testSettings({ databaseUrl: url }));
    registerAuthModule(container, testAuthSettings());
    registerCategoryModule(container);
    server = createCoreApp(container);
    server.route('/', createCategoryRouter(container));
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

  it('declares bearer security on every category operation in the OpenAPI document', async () => {
    const document = (await (await server.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { tags: string[]; security?: unknown; responses: Record<string, unknown> }>
      >;
    };
    // The domain's own routes and the lists under each ref's target, which carry its tag.
    const operations = Object.values(document.paths)
      .flatMap((operations) => Object.values(operations))
      .filter((operation) => operation.tags.includes('Categories'));
    expect(operations).toHaveLength(ROUTES.length);
    for (const operation of operations) {
      expect(operation.security).toEqual([{ bearerAuth: [] }]);
      expect(operation.responses).toHaveProperty('401');
    }
  });
});
