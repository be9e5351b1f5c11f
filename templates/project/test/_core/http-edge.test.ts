import type { AddressInfo } from 'node:net';

import { createAdaptorServer } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SECURITY_HEADERS } from '../../src/_core/interface/http-edge.js';
import { createHttpServer } from '../../src/_core/interface/server.js';
import { createTestApp } from './support/app.js';

// These headers are set by Node's server, not by the Hono app: this test goes over HTTP.
const server = createHttpServer(createTestApp().app);
let base = '';

beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise<void>((closed) => server.close(() => closed()));
});

const UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;

describe('headers every response carries', () => {
  it('has the security headers, on successes and on problems alike', async () => {
    for (const path of ['/api/health', '/api/nothing-here', '/api/test/boom']) {
      const response = await fetch(base + path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d+/);
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      for (const [name, value] of SECURITY_HEADERS)
        expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });

  it('keeps a well-formed incoming X-Request-Id, and the problem body repeats it', async () => {
    const response = await fetch(`${base}/api/nothing`, { headers: { 'X-Request-Id': 'req-42' } });
    expect(response.headers.get('x-request-id')).toBe('req-42');
    expect(await response.json()).toMatchObject({ traceId: 'req-42' });
  });

  it('replaces a malformed or missing one with a new UUID, the same in header and body', async () => {
    const sent: Array<Record<string, string>> = [
      { 'X-Request-Id': 'a b<c>' },
      { 'X-Request-Id': 'x'.repeat(129) },
      {},
    ];
    for (const headers of sent) {
      const response = await fetch(`${base}/api/nothing`, { headers });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      expect(await response.json()).toMatchObject({ traceId: id });
    }
  });

  it('gives each request its own id', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await fetch(`${base}/api/health`)).headers.get('x-request-id')),
    );
    expect(new Set(ids).size).toBe(3);
  });
});

describe('the request id without the edge listener (a server made with plain `serve`)', () => {
  it("uses the caller's id only when well formed", async () => {
    const plain = createAdaptorServer({ fetch: createTestApp().app.fetch });
    await new Promise<void>((listening) => plain.listen(0, '127.0.0.1', () => listening()));
    const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/api/nothing`;
    try {
      const kept = await fetch(url, { headers: { 'X-Request-Id': 'req-7' } });
      expect(await kept.json()).toMatchObject({ traceId: 'req-7' });
      const replaced = await fetch(url, { headers: { 'X-Request-Id': 'x'.repeat(129) } });
      expect(await replaced.json()).toMatchObject({ traceId: expect.stringMatching(UUID) });
    } finally {
      if ('closeAllConnections' in plain) plain.closeAllConnections();
      await new Promise<void>((closed) => plain.close(() => closed()));
    }
  });
});
