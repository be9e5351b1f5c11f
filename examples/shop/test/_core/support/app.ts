import { createRoute, z } from '@hono/zod-openapi';

import { createCoreContainer } from '../../../src/_core/core.module.js';
import type { Settings } from '../../../src/_core/config.js';
import { NotFoundError } from '../../../src/_core/domain/errors.js';
import { createCoreApp } from '../../../src/_core/interface/app.js';
import { createRouter } from '../../../src/_core/interface/router.js';
import { testSettings } from './settings.js';

const item = z.strictObject({ name: z.string(), price: z.number() });

const createItems = createRoute({
  method: 'post',
  path: '/api/test/items',
  request: {
    body: { required: true, content: { 'application/json': { schema: z.array(item) } } },
  },
  responses: { 200: { description: 'Echo' } },
});

/** The core app plus a few routes that fail in each way the error handler must render. */
export function createTestApp(overrides: Partial<Settings> = {}) {
  const container = createCoreContainer(testSettings(overrides));
  const app = createCoreApp(container);
  const router = createRouter();
  router.openapi(createItems, (c) => c.json({ data: c.req.valid('json') }, 200));
  router.get('/api/test/missing', () => {
    throw new NotFoundError('OrderItem', 7);
  });
  router.get('/api/test/boom', () => {
    throw new Error('secret internals');
  });
  app.route('/', router);
  return { app, container };
}
