import { createServer, type AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { loadJobSettings } from '../../../src/_core/jobs/jobs-settings.js';
import { registerJobs } from '../../../src/_core/jobs/jobs.module.js';
import { createTestApp } from '../support/app.js';

/** A loopback port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

async function readiness(redisUrl: string) {
  const { app, container } = createTestApp();
  registerJobs(container, loadJobSettings({ REDIS_URL: redisUrl }));
  const response = await app.request('/api/health/ready');
  return { status: response.status, body: await response.json() };
}

describe('readiness with jobs', () => {
  it('stays ready and reports Redis down when nothing answers', async () => {
    const started = Date.now();
    const { status, body } = await readiness(`redis://127.0.0.1:${await closedPort()}`);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { status: 'ok', redis: 'down' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.runIf(process.env.TEST_REDIS_URL)('reports Redis up when it answers', async () => {
    const { status, body } = await readiness(process.env.TEST_REDIS_URL!);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { status: 'ok', redis: 'up' } });
  });
});
