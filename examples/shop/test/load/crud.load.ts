import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDatabase } from '../../src/_core/infrastructure/database.js';
import { migrateToLatest } from '../_core/support/migrate.js';
import { loadDomain, type LoadDomain, type OpenApi } from './support/domain.js';
import { startServer, type StartedServer } from './support/server.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const JSON_HEADERS = { 'content-type': 'application/json' };

interface Load {
  result: autocannon.Result;
  /** Creates sent, and the 201s received for them. */
  sent: number;
  created: number;
  /** Codes of requests that got no response at all. */
  errorCodes: Set<string>;
}

/** Creates, pages and reads by id on `server`, round-robin on each connection, for `seconds`. */
async function mixedLoad(
  server: StartedServer,
  domain: LoadDomain,
  refs: object,
  knownId: number,
  seconds: number,
  whileRunning?: () => void,
): Promise<Load> {
  const load: Omit<Load, 'result'> = { sent: 0, created: 0, errorCodes: new Set() };
  const options: autocannon.Options = {
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 5,
    requests: [
      {
        method: 'POST',
        path: domain.path,
        headers: JSON_HEADERS,
        setupRequest: (request) => {
          load.sent += 1;
          return { ...request, body: JSON.stringify(domain.sample(refs)) };
        },
      },
      { method: 'GET', path: `${domain.path}?pageSize=20` },
      { method: 'GET', path: `${domain.path}/${knownId}` },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, status) => {
      if (status === 201) load.created += 1;
    });
    instance.on('reqError', (error: NodeJS.ErrnoException) =>
      load.errorCodes.add(error.code ?? error.message),
    );
    whileRunning?.();
  });
  return { ...load, result };
}

function report(label: string, { result, created, errorCodes }: Load): void {
  console.log(
    `${label}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ` +
      `${result.requests.total} requests, ${created} created, ${result.non2xx} non-2xx, ` +
      `${result.errors} errors${errorCodes.size ? ` (${[...errorCodes].join(', ')})` : ''}, ${result.timeouts} timeouts`,
  );
}

describe('under load on a real server', () => {
  let folder: string | undefined;
  let databaseUrl: string;
  let server: StartedServer | undefined;
  let domain: LoadDomain | undefined;
  let refs: object = {};
  let knownId = 0;

  const count = async (on: StartedServer) => {
    const response = await fetch(`${on.url}${domain!.path}?pageSize=1`);
    return ((await response.json()) as { meta: { total: number } }).meta.total;
  };
  /** The row count once requests a finished run left in flight have landed. */
  const total = async (on: StartedServer) => {
    for (let last = -1; ; await new Promise((resolve) => setTimeout(resolve, 300))) {
      const now = await count(on);
      if (now === last) return now;
      last = now;
    }
  };

  beforeAll(async () => {
    folder = process.env.TEST_DATABASE_URL
      ? undefined
      : await mkdtemp(path.join(tmpdir(), 'load-'));
    databaseUrl = process.env.TEST_DATABASE_URL || `sqlite:${path.join(folder!, 'load.db')}`;
    const db = createDatabase(databaseUrl);
    try {
      await migrateToLatest(db);
      server = await startServer(databaseUrl);
      domain = await loadDomain(
        (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApi,
      );
      if (!domain) return;
      refs = await domain.seedRefs(db);
    } finally {
      await db.destroy();
    }
    const response = await fetch(`${server.url}${domain.path}`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(domain.sample(refs)),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    knownId = ((await response.json()) as { data: { id: number } }).data.id;
  });

  afterAll(async () => {
    await server?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('answers every request with a 2xx and loses no write', async (context) => {
    if (!domain) return context.skip('the project has no domain yet: add one with `layered new`');
    const before = await total(server!);
    const load = await mixedLoad(server!, domain, refs, knownId, SECONDS);
    report(`${domain.name}, ${CONNECTIONS} connections for ${SECONDS} s`, load);

    expect(load.result.errors, [...load.errorCodes].join()).toBe(0);
    expect(load.result.non2xx).toBe(0);
    expect(load.created).toBeGreaterThan(0);
    // Every 201 is stored; beyond those, only creates still in flight when the run stopped can be.
    const stored = (await total(server!)) - before;
    expect(stored).toBeGreaterThanOrEqual(load.created);
    expect(stored).toBeLessThanOrEqual(load.sent);
    expect(load.sent - load.created).toBeLessThanOrEqual(CONNECTIONS);
  });

  it('drops no accepted request when SIGTERM arrives under load', async (context) => {
    if (!domain) return context.skip('the project has no domain yet: add one with `layered new`');
    const before = await total(server!);
    const stopping = server!;
    let exitCode: Promise<number | null> | undefined;
    const load = await mixedLoad(stopping, domain, refs, knownId, 3, () => {
      setTimeout(() => (exitCode = stopping.stop()), 1_000);
    });
    report(`${domain.name}, SIGTERM after 1 s of 3`, load);

    expect(await exitCode, stopping.output()).toBe(0);
    // Whatever the server accepted, it answered in full (2xx); after it closed, connections are refused.
    expect(load.result.non2xx).toBe(0);
    expect(load.result.timeouts).toBe(0);
    // The server was gone long before the run ended, so this is exact: every write it took in
    // was stored and answered. Requests that got no answer were refused, or reset when sent on a
    // keep-alive connection the server closed as idle (HTTP's own race, before it read them).
    server = await startServer(databaseUrl);
    expect(await total(server)).toBe(before + load.created);
    expect(
      [...load.errorCodes].filter((code) => !['ECONNREFUSED', 'ECONNRESET'].includes(code)),
    ).toEqual([]);
  });
});
