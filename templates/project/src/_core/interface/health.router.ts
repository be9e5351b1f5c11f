import { createRoute, z } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';

import { DATABASE, resolve } from '../core.module.js';
import { pingDatabase } from '../infrastructure/database.js';
import { PROBES } from '../infrastructure/probes.js';
import { problemContent } from './problem.js';
import { createRouter } from './router.js';

const statusSchema = z.object({ data: z.object({ status: z.literal('ok') }) }).openapi('Health');

const readinessSchema = z
  .object({
    data: z.object({
      status: z.literal('ok'),
      redis: z
        .enum(['up', 'down'])
        .optional()
        .openapi({ description: 'Whether Redis answers; present once jobs are on.' }),
    }),
  })
  .openapi('Readiness');

const liveness = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['Health'],
  summary: 'The process is running',
  responses: {
    200: { description: 'Alive', content: { 'application/json': { schema: statusSchema } } },
  },
});

const readiness = createRoute({
  method: 'get',
  path: '/api/health/ready',
  tags: ['Health'],
  summary: 'The database answers within a second',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: readinessSchema } } },
    503: { description: 'The database is unavailable', content: problemContent },
  },
});

export function createHealthRouter(container: DependencyContainer) {
  const router = createRouter();
  router.openapi(liveness, (c) => c.json({ data: { status: 'ok' as const } }, 200));
  router.openapi(readiness, async (c) => {
    const { redis } = resolve(container, PROBES);
    const [redisUp] = await Promise.all([redis?.(), pingDatabase(resolve(container, DATABASE))]);
    const up = (answer: boolean | undefined) => (answer ? ('up' as const) : ('down' as const));
    return c.json({ data: { status: 'ok' as const, ...(redis && { redis: up(redisUp) }) } }, 200);
  });
  return router;
}
