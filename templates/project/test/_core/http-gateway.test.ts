import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Writable } from 'node:stream';

import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { BadGatewayError, GatewayTimeoutError } from '../../src/_core/domain/errors.js';
import { createCoreContainer, LOGGER } from '../../src/_core/core.module.js';
import { createCoreApp } from '../../src/_core/interface/app.js';
import {
  BaseHttpGateway,
  type GatewayOptions,
} from '../../src/_core/infrastructure/http-gateway.js';
import { createRouter } from '../../src/_core/interface/router.js';
import { testSettings } from './support/settings.js';

/** A fake upstream on loopback: real HTTP, counting requests per path and connections. */
class Upstream {
  readonly hits = new Map<string, number>();
  connections = 0;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();

  constructor(handler: (req: IncomingMessage, res: ServerResponse, hit: number) => void) {
    this.#server = createServer((req, res) => {
      const key = `${req.method} ${req.url}`;
      const hit = (this.hits.get(key) ?? 0) + 1;
      this.hits.set(key, hit);
      handler(req, res, hit);
    });
    this.#server.on('connection', (socket) => {
      this.connections += 1;
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

class TestGateway extends BaseHttpGateway {
  constructor(options: Partial<GatewayOptions> & { baseUrl: string }) {
    super({ name: 'catalogue', retryDelayMs: 5, ...options });
  }

  call<T>(method: string, path: string, body?: unknown) {
    return this.request<T>(method, path, body === undefined ? {} : { body });
  }
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('BaseHttpGateway against a real upstream', () => {
  const upstream = new Upstream((req, res, hit) => {
    if (req.url === '/v1/ok')
      return json(res, 200, { data: { id: 1 }, key: req.headers['x-api-key'] });
    if (req.url === '/v1/missing') return json(res, 404, { code: 'NOPE' });
    if (req.url === '/v1/broken') return json(res, 500, { error: 'upstream internals' });
    if (req.url === '/v1/flaky')
      return hit < 3 ? json(res, 503, {}) : json(res, 200, { data: 'third time' });
    if (req.url === '/v1/hang') return; // never answers
    if (req.url === '/v1/echo') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => json(res, 201, JSON.parse(body)));
      return;
    }
    json(res, 418, {});
  });
  let baseUrl: string;
  let gateway: TestGateway;

  beforeAll(async () => {
    baseUrl = await upstream.start();
  });

  beforeEach(() => {
    upstream.hits.clear();
    gateway = new TestGateway({ baseUrl, headers: { 'x-api-key': 'k-1' } });
  });

  afterAll(async () => {
    await gateway.close();
    await upstream.stop();
  });

  it('returns a 200 with its JSON body, sending the default headers', async () => {
    expect(await gateway.call('GET', '/ok')).toEqual({
      status: 200,
      body: { data: { id: 1 }, key: 'k-1' },
    });
  });

  it('passes a 404 on to the caller, which decides what it means', async () => {
    expect(await gateway.call('GET', '/missing')).toEqual({ status: 404, body: { code: 'NOPE' } });
    expect(upstream.hits.get('GET /v1/missing')).toBe(1);
  });

  it('sends and parses JSON bodies', async () => {
    expect(await gateway.call('POST', '/echo', { name: 'x' })).toEqual({
      status: 201,
      body: { name: 'x' },
    });
  });

  it('retries an idempotent call after a 5xx, with backoff, and returns the answer', async () => {
    expect(await gateway.call('GET', '/flaky')).toEqual({
      status: 200,
      body: { data: 'third time' },
    });
    expect(upstream.hits.get('GET /v1/flaky')).toBe(3);
  });

  it('turns a 5xx that lasts into a 502 after the retries, for GET, PUT and DELETE', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      await expect(gateway.call(method, '/broken')).rejects.toBeInstanceOf(BadGatewayError);
      expect(upstream.hits.get(`${method} /v1/broken`)).toBe(3);
    }
  });

  it('never retries POST or PATCH, which a retry could apply twice', async () => {
    for (const method of ['POST', 'PATCH']) {
      await expect(gateway.call(method, '/broken', {})).rejects.toBeInstanceOf(BadGatewayError);
      expect(upstream.hits.get(`${method} /v1/broken`)).toBe(1);
    }
  });

  it('answers 504 when the upstream hangs, within the timeout', async () => {
    const quick = new TestGateway({ baseUrl, timeoutMs: 300 });
    const started = performance.now();
    await expect(quick.call('GET', '/hang')).rejects.toBeInstanceOf(GatewayTimeoutError);
    expect(performance.now() - started).toBeLessThan(1_000);
    await quick.close();
  });

  it('answers 502 when the upstream refuses connections', async () => {
    const closed = new Upstream(() => undefined);
    const url = await closed.start();
    await closed.stop();
    const refused = new TestGateway({ baseUrl: url });
    const error = await refused.call('GET', '/ok').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect((error as BadGatewayError).call).toMatchObject({
      upstream: 'catalogue',
      method: 'GET',
      attempts: 3,
    });
    await refused.close();
  });

  it('keeps its connections alive: 100 calls in a row open at most two', async () => {
    const before = upstream.connections;
    for (let i = 0; i < 100; i += 1) await gateway.call('GET', '/ok');
    // undici frees a connection a tick after its body is read, so a call made at once after
    // another may open a second one; both are then reused for every later call.
    expect(upstream.connections - before).toBeLessThanOrEqual(2);
    await Promise.all(Array.from({ length: 20 }, () => gateway.call('GET', '/ok')));
    expect(upstream.connections - before).toBeLessThanOrEqual(10);
  });
});

describe('gateway failures as the client sees them', () => {
  it('are problem+json 502 and 504 that do not name the upstream, which the log does', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()),
    });
    const container = createCoreContainer(testSettings());
    container.register(LOGGER, { useValue: pino({ level: 'warn' }, sink) });
    const app = createCoreApp(container);
    const call = {
      upstream: 'payments',
      method: 'GET',
      url: 'http://payments.internal/v2/charges/7',
    };
    const router = createRouter();
    router.get('/api/test/502', () => {
      throw new BadGatewayError(call);
    });
    router.get('/api/test/504', () => {
      throw new GatewayTimeoutError(call);
    });
    app.route('/', router);

    for (const [status, code] of [
      [502, 'UPSTREAM_FAILED'],
      [504, 'UPSTREAM_TIMEOUT'],
    ] as const) {
      const response = await app.request(`/api/test/${status}`);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ status, code });
      expect(text).not.toContain('payments');
    }
    expect(lines.join('')).toContain('payments.internal/v2/charges/7');
  });
});
