import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCoreContainer, DATABASE, resolve } from '../../src/_core/core.module.js';
import type { PoolOptions } from '../../src/_core/infrastructure/bounded-pool.js';
import { createDatabase } from '../../src/_core/infrastructure/database.js';
import { createCoreApp, type App } from '../../src/_core/interface/app.js';
import { createRouter } from '../../src/_core/interface/router.js';
import { testSettings } from './support/settings.js';
import { startTcpProxy } from './support/tcp-proxy.js';
import { createWidgetTables, WidgetRepository } from './support/widgets.js';

const url = process.env.TEST_DATABASE_URL;
const server = url && !url.startsWith('sqlite:') ? new URL(url) : undefined;
const DEFAULT_PORTS: Record<string, number> = {
  'mysql:': 3306,
  'postgres:': 5432,
  'postgresql:': 5432,
};
/** Readiness and requests must answer within this while the database is gone. */
const PROMPTLY_MS = 2_000;
/** Bounds short enough for a test: a stalled database is given up on after half a second. */
const SHORT_BOUNDS: PoolOptions = { poolSize: 4, acquireTimeoutMs: 500, queryTimeoutMs: 500 };

/** Status, content type and time taken of a request to `app`. */
async function timed(app: App, path: string, init?: RequestInit) {
  const started = performance.now();
  const response = await app.request(path, init);
  const body = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body,
    ms: performance.now() - started,
  };
}

/**
 * The core app with routes that count and create widgets, talking to the database through a
 * TCP proxy the test can cut, stall and restore.
 */
async function proxiedApp(pool?: PoolOptions) {
  const direct = createDatabase(url!);
  const created = await createWidgetTables(direct);
  const proxy = await startTcpProxy({
    host: server!.hostname,
    port: Number(server!.port || DEFAULT_PORTS[server!.protocol]),
  });
  const proxied = new URL(url!);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);

  const container = createCoreContainer(
    testSettings({ databaseUrl: proxied.toString(), ...(pool && { databasePool: pool }) }),
  );
  const widgets = new WidgetRepository(resolve(container, DATABASE), created.tables.widget);
  let n = 0;
  const router = createRouter();
  router.get('/api/test/widgets', async (c) => c.json({ data: await widgets.count() }));
  router.post('/api/test/widgets', async (c) =>
    c.json({ data: await widgets.create({ name: `w${(n += 1)}` }) }, 201),
  );
  const app = createCoreApp(container);
  app.route('/', router);
  const close = async () => {
    await proxy.close();
    await resolve(container, DATABASE).destroy();
    await created.drop();
    await direct.destroy();
  };
  return { app, proxy, close };
}

const requests: Array<[string, RequestInit | undefined]> = [
  ['/api/health/ready', undefined],
  ['/api/test/widgets', undefined],
  ['/api/test/widgets', { method: 'POST' }],
];

/** Each request four times at once, so the pool opens (and later must drop) several connections. */
const burst = (app: App) =>
  Promise.all(
    Array.from({ length: 4 }, () => requests.map(([path, init]) => timed(app, path, init))).flat(),
  );

const ALL_OK = Array(4).fill([200, 200, 201]).flat();

async function expectUnavailablePromptly(app: App) {
  for (const result of await burst(app)) {
    expect(result).toMatchObject({ status: 503, type: 'application/problem+json' });
    expect(JSON.parse(result.body)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(result.ms).toBeLessThan(PROMPTLY_MS);
  }
}

async function expectRecovery(app: App) {
  const deadline = Date.now() + 5_000;
  while ((await timed(app, '/api/health/ready')).status !== 200) {
    expect(Date.now()).toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await burst(app)).map((result) => result.status)).toEqual(ALL_OK);
}

describe.skipIf(!server)(
  'with the database behind a proxy that is cut (needs TEST_DATABASE_URL=mysql:// or postgres://)',
  () => {
    let setup: Awaited<ReturnType<typeof proxiedApp>>;

    beforeAll(async () => {
      setup = await proxiedApp();
    });

    afterAll(() => setup?.close());

    it('answers while the database is up', async () => {
      expect((await burst(setup.app)).map((result) => result.status)).toEqual(ALL_OK);
    });

    it('answers 503 problem+json promptly once it is cut, never a hang or a 500', async () => {
      await setup.proxy.cut();
      // More at once than the pool has connections: none may wait on a dead one.
      await expectUnavailablePromptly(setup.app);
    });

    it('recovers without a restart when the database comes back', async () => {
      await setup.proxy.restore();
      await expectRecovery(setup.app);
    });
  },
);

describe.skipIf(!server)(
  'with the database behind a proxy that stops answering without refusing',
  () => {
    let setup: Awaited<ReturnType<typeof proxiedApp>>;

    beforeAll(async () => {
      setup = await proxiedApp(SHORT_BOUNDS);
    });

    afterAll(() => setup?.close());

    it('answers while the database is up', async () => {
      expect((await burst(setup.app)).map((result) => result.status)).toEqual(ALL_OK);
    });

    it('answers 503 once a query or a connection outlasts its bound, never a hang', async () => {
      setup.proxy.stall();
      // Pooled connections get no answer (query bound); new ones get no handshake (acquire bound).
      await expectUnavailablePromptly(setup.app);
      await expectUnavailablePromptly(setup.app);
    });

    it('recovers without a restart when the database answers again', async () => {
      await setup.proxy.restore();
      await expectRecovery(setup.app);
    });
  },
);
