import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCoreContainer, DATABASE, resolve } from '../../src/_core/core.module.js';
import { createDatabase, type Database } from '../../src/_core/infrastructure/database.js';
import { createCoreApp, type App } from '../../src/_core/interface/app.js';
import { createRouter } from '../../src/_core/interface/router.js';
import { testSettings } from './support/settings.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { createWidgetTables, WidgetRepository } from './support/widgets.js';

const url = process.env.TEST_DATABASE_URL;
const mysql = url?.startsWith('mysql://') ? new URL(url) : undefined;
/** Readiness and requests must answer within this while the database is gone. */
const PROMPTLY_MS = 2_000;

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

describe.skipIf(!mysql)(
  'with the database behind a proxy that is cut (needs TEST_DATABASE_URL=mysql://…)',
  () => {
    let proxy: TcpProxy;
    let direct: Kysely<Database>;
    let app: App;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      direct = createDatabase(url!);
      const created = await createWidgetTables(direct);
      drop = created.drop;
      proxy = await startTcpProxy({ host: mysql!.hostname, port: Number(mysql!.port || 3306) });
      const proxied = new URL(url!);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(proxy.port);

      const container = createCoreContainer(testSettings({ databaseUrl: proxied.toString() }));
      const widgets = new WidgetRepository(resolve(container, DATABASE), created.tables.widget);
      let n = 0;
      const router = createRouter();
      router.get('/api/test/widgets', async (c) => c.json({ data: await widgets.count() }));
      router.post('/api/test/widgets', async (c) =>
        c.json({ data: await widgets.create({ name: `w${(n += 1)}` }) }, 201),
      );
      app = createCoreApp(container);
      app.route('/', router);
    });

    afterAll(async () => {
      await proxy?.close();
      await drop?.();
      await direct?.destroy();
    });

    const requests: Array<[string, RequestInit | undefined]> = [
      ['/api/health/ready', undefined],
      ['/api/test/widgets', undefined],
      ['/api/test/widgets', { method: 'POST' }],
    ];

    /** Each request four times at once, so the pool opens (and later must drop) several connections. */
    const burst = () =>
      Promise.all(
        Array.from({ length: 4 }, () =>
          requests.map(([path, init]) => timed(app, path, init)),
        ).flat(),
      );

    it('answers while the database is up', async () => {
      expect((await burst()).map((result) => result.status)).toEqual(
        Array(4).fill([200, 200, 201]).flat(),
      );
    });

    it('answers 503 problem+json promptly once it is cut, never a hang or a 500', async () => {
      await proxy.cut();
      // More at once than the pool has connections: none may wait on a dead one.
      for (const result of await burst()) {
        expect(result).toMatchObject({ status: 503, type: 'application/problem+json' });
        expect(JSON.parse(result.body)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
        expect(result.ms).toBeLessThan(PROMPTLY_MS);
      }
    });

    it('recovers without a restart when the database comes back', async () => {
      await proxy.restore();
      const deadline = Date.now() + 5_000;
      while ((await timed(app, '/api/health/ready')).status !== 200) {
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await burst()).map((result) => result.status)).toEqual(
        Array(4).fill([200, 200, 201]).flat(),
      );
    });
  },
);
