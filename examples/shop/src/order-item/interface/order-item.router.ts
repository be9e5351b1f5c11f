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
import { ORDER_ITEM_USE_CASE } from '../application/order-item.use-case.js';
import {
  createOrderItemSchema,
  createOrderItemsSchema,
  orderItemListQuery,
  orderItemSchema,
  updateOrderItemSchema,
} from './order-item.dto.js';

const tags = ['Order items'];
const one = jsonContent(dataSchema(orderItemSchema));
const many = jsonContent(dataListSchema(orderItemSchema));
const list = { description: 'The order items', content: jsonContent(listSchema(orderItemSchema)) };
const invalid = {
  description: 'The request is not valid, or refers to a row that does not exist',
  content: problemContent,
};
const notFound = { description: 'No order item has this id', content: problemContent };
const conflict = {
  description: 'A unique field clashes with another order item',
  content: problemContent,
};
const guard = {
  security: bearerSecurity,
  responses: {
    401: { description: 'No valid access token', content: problemContent },
  },
};

const createOrderItem = createRoute({
  operationId: 'createOrderItem',
  method: 'post',
  path: '/api/v1/order-items',
  tags,
  security: guard.security,
  summary: 'Create an order item',
  request: { body: { required: true, content: jsonContent(createOrderItemSchema) } },
  responses: {
    201: {
      description: 'Created; `Location` is its URL',
      headers: z.object({ Location: z.string().openapi({ example: '/api/v1/order-items/1' }) }),
      content: one,
    },
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const createOrderItems = createRoute({
  operationId: 'createOrderItems',
  method: 'post',
  path: '/api/v1/order-items/bulk',
  tags,
  security: guard.security,
  summary: 'Create up to 100 order items, all or none',
  request: { body: { required: true, content: jsonContent(createOrderItemsSchema) } },
  responses: {
    201: { description: 'Created, in the order sent', content: many },
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const listOrderItems = createRoute({
  operationId: 'listOrderItems',
  method: 'get',
  path: '/api/v1/order-items',
  tags,
  security: guard.security,
  summary: 'Order items: filtered, sorted, paged by offset or cursor; or those with the given ids',
  request: { query: orderItemListQuery },
  responses: { 200: list, 422: invalid, ...guard.responses },
});

const listOrderItemsByOrder = createRoute({
  operationId: 'listOrderItemsByOrder',
  method: 'get',
  path: '/api/v1/orders/{id}/order-items',
  tags,
  security: guard.security,
  summary: 'Order items whose orderId is this order: filtered, sorted and paged as the list is',
  request: { params: idParamsSchema, query: orderItemListQuery },
  responses: {
    200: list,
    404: { description: 'No order has this id', content: problemContent },
    422: invalid,
    ...guard.responses,
  },
});

const listOrderItemsByProduct = createRoute({
  operationId: 'listOrderItemsByProduct',
  method: 'get',
  path: '/api/v1/products/{id}/order-items',
  tags,
  security: guard.security,
  summary: 'Order items whose productId is this product: filtered, sorted and paged as the list is',
  request: { params: idParamsSchema, query: orderItemListQuery },
  responses: {
    200: list,
    404: { description: 'No product has this id', content: problemContent },
    422: invalid,
    ...guard.responses,
  },
});

const getOrderItem = createRoute({
  operationId: 'getOrderItem',
  method: 'get',
  path: '/api/v1/order-items/{id}',
  tags,
  security: guard.security,
  summary: 'Get an order item',
  request: { params: idParamsSchema },
  responses: {
    200: { description: 'The order item', content: one },
    404: notFound,
    422: invalid,
    ...guard.responses,
  },
});

const replaceOrderItem = createRoute({
  operationId: 'replaceOrderItem',
  method: 'put',
  path: '/api/v1/order-items/{id}',
  tags,
  security: guard.security,
  summary: 'Replace an order item; optional fields left out become null',
  request: {
    params: idParamsSchema,
    body: { required: true, content: jsonContent(createOrderItemSchema) },
  },
  responses: {
    200: { description: 'Replaced', content: one },
    404: notFound,
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const updateOrderItem = createRoute({
  operationId: 'updateOrderItem',
  method: 'patch',
  path: '/api/v1/order-items/{id}',
  tags,
  security: guard.security,
  summary: 'Change the fields sent',
  request: {
    params: idParamsSchema,
    body: { required: true, content: jsonContent(updateOrderItemSchema) },
  },
  responses: {
    200: { description: 'Updated', content: one },
    404: notFound,
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const deleteOrderItem = createRoute({
  operationId: 'deleteOrderItem',
  method: 'delete',
  path: '/api/v1/order-items/{id}',
  tags,
  security: guard.security,
  summary: 'Delete an order item',
  request: { params: idParamsSchema },
  responses: {
    204: { description: 'Deleted' },
    404: notFound,
    409: { description: 'Other rows still refer to this order item', content: problemContent },
    422: invalid,
    ...guard.responses,
  },
});

export function createOrderItemRouter(container: DependencyContainer) {
  const orderItems = resolve(container, ORDER_ITEM_USE_CASE);
  const router = createRouter();
  // Hono's `/*` also matches the collection's own path: one guard covers the domain's routes,
  // and the same guard each list under a ref's target.
  const signedIn = requireUser(container);
  router.use('/api/v1/order-items/*', signedIn);
  router.use('/api/v1/orders/:id/order-items', signedIn);
  router.use('/api/v1/products/:id/order-items', signedIn);

  router.openapi(createOrderItem, async (c) => {
    const created = await orderItems.create(c.req.valid('json'), ownedBy(c));
    return c.json(created, 201, { Location: `/api/v1/order-items/${created.data.id}` });
  });

  router.openapi(createOrderItems, async (c) =>
    c.json(await orderItems.createMany(c.req.valid('json'), ownedBy(c)), 201),
  );

  router.openapi(listOrderItems, async (c) =>
    c.json(await orderItems.find(c.req.valid('query'), visibleTo(c)), 200),
  );

  router.openapi(listOrderItemsByOrder, async (c) =>
    c.json(
      await orderItems.findReferring(
        'orderId',
        c.req.valid('param').id,
        c.req.valid('query'),
        visibleTo(c),
      ),
      200,
    ),
  );

  router.openapi(listOrderItemsByProduct, async (c) =>
    c.json(
      await orderItems.findReferring(
        'productId',
        c.req.valid('param').id,
        c.req.valid('query'),
        visibleTo(c),
      ),
      200,
    ),
  );

  router.openapi(getOrderItem, async (c) =>
    c.json(await orderItems.get(c.req.valid('param').id, visibleTo(c)), 200),
  );

  router.openapi(replaceOrderItem, async (c) =>
    c.json(
      await orderItems.update(c.req.valid('param').id, c.req.valid('json'), visibleTo(c)),
      200,
    ),
  );

  router.openapi(updateOrderItem, async (c) =>
    c.json(
      await orderItems.update(c.req.valid('param').id, c.req.valid('json'), visibleTo(c)),
      200,
    ),
  );

  router.openapi(deleteOrderItem, async (c) => {
    await orderItems.delete(c.req.valid('param').id, visibleTo(c));
    return c.body(null, 204);
  });

  return router;
}
