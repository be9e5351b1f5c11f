import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer } from '../helpers/server.js';
import { SCRATCH, SERVERS } from '../helpers/servers.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';
import { freshProject } from './project.js';
import { privateRedis } from './support/redis.js';

afterAll(removeTempDirs);

type Project = Awaited<ReturnType<typeof freshProject>>;

/**
 * The widget consumer the delivery tests run: it appends each event id it handles to
 * HANDLED_LOG inside `delivery.once`, and always throws for a widget named `poison...`.
 */
const COUNTING_CONSUMER = `import { appendFileSync } from 'node:fs';

import type { DependencyContainer } from 'tsyringe';

import type { Consumer } from '../../_core/jobs/consumers.js';

export function createWidgetConsumer(_container: DependencyContainer): Consumer {
  return {
    name: 'widget',
    handlers: {
      'widget.created': async (event, delivery) => {
        const { name } = event.payload as { name: string };
        if (name.startsWith('poison')) throw new Error('poisoned');
        await delivery.once(async () => {
          appendFileSync(process.env.HANDLED_LOG!, event.id + '\\n');
        });
      },
    },
  };
}
`;

describe('layered add jobs', () => {
  let project: Project;

  beforeAll(async () => {
    project = await freshProject();
    expect((await project.cli(['new', 'category', 'name:string'])).exitCode).toBe(0);
  });

  it('refuses a feature it does not know, with exit 1 and nothing written', async () => {
    const before = await snapshotTree(project.dir);
    const result = await project.cli(['add', 'cron']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('There is no feature "cron"');
    expect(result.stderr).toContain('jobs');
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('adds the jobs core and gives the existing domain its consumer, registered and in its manifest', async () => {
    const result = await project.cli(['add', 'jobs']);
    expect(result.exitCode, result.stderr).toBe(0);

    const config = JSON.parse(await readFile(path.join(project.dir, '.layered/project.json'), 'utf8')) as { features: string[] };
    expect(config.features).toEqual(['jobs']);
    const pkg = JSON.parse(await readFile(path.join(project.dir, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts['worker']).toBe('tsx src/worker.ts');
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['bullmq', 'ioredis']));
    expect(await readFile(path.join(project.dir, 'src/server-container.ts'), 'utf8')).toContain('  registerJobs(container);\n');
    const consumers = await readFile(path.join(project.dir, 'src/consumers.ts'), 'utf8');
    expect(consumers).toContain("import { createCategoryConsumer } from './category/interface/category.consumer.js';");
    expect(consumers).toContain('  consumers.add(createCategoryConsumer(container));');
    const manifest = JSON.parse(await readFile(path.join(project.dir, '.layered/domains/category.json'), 'utf8')) as { files: Array<{ path: string }>; registrations: Array<{ kind: string }> };
    expect(manifest.files.map((file) => file.path)).toContain('src/category/interface/category.consumer.ts');
    expect(manifest.registrations.map((r) => r.kind)).toEqual(['container', 'bootstrap', 'consumers']);
    expect((await project.cli(['check', '--json'])).exitCode).toBe(0);
  });

  it('refuses to add jobs twice, with exit 2 and nothing written', async () => {
    const before = await snapshotTree(project.dir);
    const result = await project.cli(['add', 'jobs']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('already has jobs');
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('gives new domains a consumer, and destroy takes it away byte for byte', async () => {
    const before = await snapshotTree(project.dir);
    expect((await project.cli(['new', 'gadget', 'label:string'])).exitCode).toBe(0);
    expect(await readFile(path.join(project.dir, 'src/gadget/interface/gadget.consumer.ts'), 'utf8')).toContain("'gadget.created': log");
    expect(await readFile(path.join(project.dir, 'src/consumers.ts'), 'utf8')).toContain('consumers.add(createGadgetConsumer(container));');
    expect((await project.cli(['destroy', 'gadget'])).exitCode).toBe(0);
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('type-checks and passes its own tests on SQLite with Redis', async () => {
    expect((await project.cli(['new', 'widget', 'name:string:unique'])).exitCode).toBe(0);
    const typecheck = await project.npm(['run', 'typecheck']);
    expect(typecheck.exitCode, typecheck.all).toBe(0);
    const test = await project.npm(['test'], { TEST_REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(test.exitCode, test.all).toBe(0);
    // With TEST_REDIS_URL the Redis tests run rather than skip.
    expect(test.all).toMatch(/relay\.test\.ts \(2 tests\)/);
    expect(test.all).toMatch(/readiness\.test\.ts \(2 tests\)/);
  });

  it.each(SERVERS)('passes its own tests on %s', async (_label, scratch) => {
    const database = await scratch('jobs_e2e');
    try {
      const test = await project.npm(['test'], { TEST_DATABASE_URL: database.url, TEST_REDIS_URL: 'redis://127.0.0.1:6379' });
      expect(test.exitCode, test.all).toBe(0);
    } finally {
      await database.drop();
    }
  });

  describe.each([
    ['SQLite', async () => ({ url: `sqlite:${path.join(project.dir, 'delivery.db')}`, drop: async () => undefined })],
    ['MariaDB', () => SCRATCH.mysql('jobs_delivery')],
  ] as const)('delivery on %s, against a real API, worker and Redis', (_label, scratch) => {
    let env: Record<string, string>;
    let handledLog: string;
    let redis: Awaited<ReturnType<typeof privateRedis>>;
    let api: Awaited<ReturnType<typeof startServer>>;
    let worker: ResultPromise | undefined;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      await writeFile(path.join(project.dir, 'src/widget/interface/widget.consumer.ts'), COUNTING_CONSUMER);
      const build = await project.npm(['run', 'build']);
      expect(build.exitCode, build.all).toBe(0);
      const database = await scratch();
      drop = database.drop;
      redis = await privateRedis();
      handledLog = path.join(project.dir, `handled-${_label}.log`);
      await writeFile(handledLog, '');
      env = {
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        JOBS_ATTEMPTS: '3',
        JOBS_BACKOFF_MS: '50',
        NODE_ENV: 'production',
        LOG_LEVEL: 'error',
        HANDLED_LOG: handledLog,
      };
      expect((await project.npm(['run', 'migrate'], env)).exitCode).toBe(0);
      api = await startServer(project.dir, env);
    }, 300_000);

    afterAll(async () => {
      worker?.kill('SIGKILL');
      await api?.stop();
      await redis?.stop();
      await drop?.();
    });

    const startWorker = () => {
      worker = execa('node', ['dist/src/worker.js'], { cwd: project.dir, env, reject: false, all: true });
    };
    const handled = async () => (await readFile(handledLog, 'utf8')).split('\n').filter(Boolean);
    const waitFor = async (what: string, done: () => Promise<boolean>, timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    /** POSTs widgets 20 at a time; answers the statuses. */
    const createWidgets = async (names: string[]) => {
      const statuses: number[] = [];
      for (let i = 0; i < names.length; i += 20) {
        const batch = names.slice(i, i + 20).map(async (name) => {
          const response = await fetch(`${api.baseUrl}/api/v1/widgets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
          await response.arrayBuffer();
          return response.status;
        });
        statuses.push(...(await Promise.all(batch)));
      }
      return statuses;
    };
    const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

    it('answers 1,000 writes while Redis is down, then delivers each event once when it is back', async () => {
      startWorker();
      const ready = await (await fetch(`${api.baseUrl}/api/health/ready`)).json();
      expect(ready).toEqual({ data: { status: 'ok', redis: 'down' } });

      const statuses = await createWidgets(names('down', 1_000));
      expect(statuses.filter((status) => status !== 201)).toEqual([]);

      await redis.start();
      expect(await (await fetch(`${api.baseUrl}/api/health/ready`)).json()).toEqual({ data: { status: 'ok', redis: 'up' } });
      await waitFor('1,000 handled events', async () => (await handled()).length >= 1_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const calls = await handled();
      expect(new Set(calls).size).toBe(1_000);
      expect(calls).toHaveLength(1_000);
    }, 300_000);

    it('loses nothing when the worker is killed with SIGKILL mid-batch and restarted', async () => {
      const statuses = await createWidgets(names('kill', 1_000));
      expect(statuses.filter((status) => status !== 201)).toEqual([]);
      await waitFor('part of the batch', async () => (await handled()).length >= 1_200);
      worker!.kill('SIGKILL');
      await worker;
      expect(new Set(await handled()).size).toBeLessThan(2_000);

      startWorker();
      // Jobs the killed worker held become "stalled" once their locks expire (30 s), then run again.
      await waitFor('2,000 distinct handled events', async () => new Set(await handled()).size >= 2_000, 180_000);
      const calls = await handled();
      expect(new Set(calls).size).toBe(2_000);
      // A call whose transaction the kill cut short ran again; at most one per job in flight.
      expect(calls.length - 2_000).toBeLessThanOrEqual(10);
    }, 300_000);

    it('keeps an event whose handler always throws in the failed set after its retries, and the others flow', async () => {
      const statuses = await createWidgets(['poison-1', ...names('after', 50)]);
      expect(statuses.every((status) => status === 201)).toBe(true);
      await waitFor('the other 50 events', async () => new Set(await handled()).size >= 2_050);

      let listing = '';
      await waitFor('the poisoned event in the failed set', async () => {
        listing = (await project.npm(['run', 'jobs:failed'], env)).all;
        return listing.includes('1 failed event.');
      }, 60_000);
      expect(listing).toMatch(/widget\.created\t3 attempts\t.*\tpoisoned/);
      expect(new Set(await handled()).size).toBe(2_050);

      worker!.kill('SIGTERM');
      expect((await worker!).exitCode).toBe(0);
      worker = undefined;
    }, 300_000);
  });
});
