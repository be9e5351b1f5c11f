import { createRoute, z } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';

import { resolve } from '../../_core/core.module.js';
import { problemContent } from '../../_core/interface/problem.js';
import { createRouter } from '../../_core/interface/router.js';
import {
  dataListSchema,
  dataSchema,
  idParamsSchema,
  jsonContent,
  listSchema,
} from '../../_core/interface/schemas.js';
import { bearerSecurity, requireUser } from '../../auth/interface/authenticate.js';
import { ownedBy, visibleTo } from '../../auth/interface/owner-scope.js';
import { ORDER_USE_CASE } from '../application/order.use-case.js';
import {
  createOrderSchema,
  createOrdersSchema,
  orderListQuery,
  orderSchema,
  updateOrderSchema,
} from './order.dto.js';

const tags = ['Orders'];
const one = jsonContent(dataSchema(orderSchema));
const many = jsonContent(dataListSchema(orderSchema));
const list = { description: 'The orders', content: jsonContent(listSchema(orderSchema)) };
const invalid = {
  description: 'The request is not valid, or refers to a row that does not exist',
  content: problemContent,
};
const notFound = { description: 'No order has this id', content: problemContent };
const conflict = {
  description: 'A unique field clashes with another order',
  content: problemContent,
};
const guard = {
  security: bearerSecurity,
  responses: {
    401: { description: 'No valid access token', content: problemContent },
  },
};

const createOrder = createRoute({
  operationId: 'createOrder',
  method: 'post',
  path: '/api/v1/orders',
  tags,
  security: guard.security,
  summary: 'Create an order',
  request: { body: { required: true, content: jsonContent(createOrderSchema) } },
  responses: {
    201: {
      description: 'Created; `Location` is its URL',
      headers: z.object({ Location: z.string().openapi({ example: '/api/v1/orders/1' }) }),
      content: one,
    },
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const createOrders = createRoute({
  operationId: 'createOrders',
  method: 'post',
  path: '/api/v1/orders/bulk',
  tags,
  security: guard.security,
  summary: 'Create up to 100 orders, all or none',
  request: { body: { required: true, content: jsonContent(createOrdersSchema) } },
  responses: {
    201: { description: 'Created, in the order sent', content: many },
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const listOrders = createRoute({
  operationId: 'listOrders',
  method: 'get',
  path: '/api/v1/orders',
  tags,
  security: guard.security,
  summary: 'Orders: filtered, sorted, paged by offset or cursor; or those with the given ids',
  request: { query: orderListQuery },
  responses: { 200: list, 422: invalid, ...guard.responses },
});

const listOrdersByBuyer = createRoute({
  operationId: 'listOrdersByBuyer',
  method: 'get',
  path: '/api/v1/customers/{id}/orders',
  tags,
  security: guard.security,
  summary: 'Orders whose buyerId is this customer: filtered, sorted and paged as the list is',
  request: { params: idParamsSchema, query: orderListQuery },
  responses: {
    200: list,
    404: { description: 'No customer has this id', content: problemContent },
    422: invalid,
    ...guard.responses,
  },
});

const getOrder = createRoute({
  operationId: 'getOrder',
  method: 'get',
  path: '/api/v1/orders/{id}',
  tags,
  security: guard.security,
  summary: 'Get an order',
  request: { params: idParamsSchema },
  responses: {
    200: { description: 'The order', content: one },
    404: notFound,
    422: invalid,
    ...guard.responses,
  },
});

const replaceOrder = createRoute({
  operationId: 'replaceOrder',
  method: 'put',
  path: '/api/v1/orders/{id}',
  tags,
  security: guard.security,
  summary: 'Replace an order; optional fields left out become null',
  request: {
    params: idParamsSchema,
    body: { required: true, content: jsonContent(createOrderSchema) },
  },
  responses: {
    200: { description: 'Replaced', content: one },
    404: notFound,
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const updateOrder = createRoute({
  operationId: 'updateOrder',
  method: 'patch',
  path: '/api/v1/orders/{id}',
  tags,
  security: guard.security,
  summary: 'Change the fields sent',
  request: {
    params: idParamsSchema,
    body: { required: true, content: jsonContent(updateOrderSchema) },
  },
  responses: {
    200: { description: 'Updated', content: one },
    404: notFound,
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const deleteOrder = createRoute({
  operationId: 'deleteOrder',
  method: 'delete',
  path: '/api/v1/orders/{id}',
  tags,
  security: guard.security,
  summary: 'Delete an order',
  request: { params: idParamsSchema },
  responses: {
    204: { description: 'Deleted' },
    404: notFound,
    409: { description: 'Other rows still refer to this order', content: problemContent },
    422: invalid,
    ...guard.responses,
  },
});

export function createOrderRouter(container: DependencyContainer) {
  const orders = resolve(container, ORDER_USE_CASE);
  const router = createRouter();
  // Hono's `/*` also matches the collection's own path: one guard covers the domain's routes,
  // and the same guard each list under a ref's target.
  const signedIn = requireUser(container);
  router.use('/api/v1/orders/*', signedIn);
  router.use('/api/v1/customers/:id/orders', signedIn);

  router.openapi(createOrder, async (c) => {
    const created = await orders.create(c.req.valid('json'), ownedBy(c));
    return c.json(created, 201, { Location: `/api/v1/orders/${created.data.id}` });
  });

  router.openapi(createOrders, async (c) =>
    c.json(await orders.createMany(c.req.valid('json'), ownedBy(c)), 201),
  );

  router.openapi(listOrders, async (c) =>
    c.json(await orders.find(c.req.valid('query'), visibleTo(c)), 200),
  );

  router.openapi(listOrdersByBuyer, async (c) =>
    c.json(
      await orders.findReferring(
        'buyerId',
        c.req.valid('param').id,
        c.req.valid('query'),
        visibleTo(c),
      ),
      200,
    ),
  );

  router.openapi(getOrder, async (c) =>
    c.json(await orders.get(c.req.valid('param').id, visibleTo(c)), 200),
  );

  router.openapi(replaceOrder, async (c) =>
    c.json(await orders.update(c.req.valid('param').id, c.req.valid('json'), visibleTo(c)), 200),
  );

  router.openapi(updateOrder, async (c) =>
    c.json(await orders.update(c.req.valid('param').id, c.req.valid('json'), visibleTo(c)), 200),
  );

  router.openapi(deleteOrder, async (c) => {
    await orders.delete(c.req.valid('param').id, visibleTo(c));
    return c.body(null, 204);
  });

  return router;
}
