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
import { CUSTOMER_USE_CASE } from '../application/customer.use-case.js';
import {
  createCustomerSchema,
  createCustomersSchema,
  customerListQuery,
  customerSchema,
  updateCustomerSchema,
} from './customer.dto.js';

const tags = ['Customers'];
const one = jsonContent(dataSchema(customerSchema));
const many = jsonContent(dataListSchema(customerSchema));
const list = { description: 'The customers', content: jsonContent(listSchema(customerSchema)) };
const invalid = { description: 'The request is not valid', content: problemContent };
const notFound = { description: 'No customer has this id', content: problemContent };
const conflict = {
  description: 'A unique field clashes with another customer',
  content: problemContent,
};
const guard = {
  security: bearerSecurity,
  responses: {
    401: { description: 'No valid access token', content: problemContent },
    403: { description: 'Only admins may', content: problemContent },
  },
};

const createCustomer = createRoute({
  operationId: 'createCustomer',
  method: 'post',
  path: '/api/v1/customers',
  tags,
  security: guard.security,
  summary: 'Create a customer',
  request: { body: { required: true, content: jsonContent(createCustomerSchema) } },
  responses: {
    201: {
      description: 'Created; `Location` is its URL',
      headers: z.object({ Location: z.string().openapi({ example: '/api/v1/customers/1' }) }),
      content: one,
    },
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const createCustomers = createRoute({
  operationId: 'createCustomers',
  method: 'post',
  path: '/api/v1/customers/bulk',
  tags,
  security: guard.security,
  summary: 'Create up to 100 customers, all or none',
  request: { body: { required: true, content: jsonContent(createCustomersSchema) } },
  responses: {
    201: { description: 'Created, in the order sent', content: many },
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const listCustomers = createRoute({
  operationId: 'listCustomers',
  method: 'get',
  path: '/api/v1/customers',
  tags,
  security: guard.security,
  summary: 'Customers: filtered, sorted, paged by offset or cursor; or those with the given ids',
  request: { query: customerListQuery },
  responses: { 200: list, 422: invalid, ...guard.responses },
});

const getCustomer = createRoute({
  operationId: 'getCustomer',
  method: 'get',
  path: '/api/v1/customers/{id}',
  tags,
  security: guard.security,
  summary: 'Get a customer',
  request: { params: idParamsSchema },
  responses: {
    200: { description: 'The customer', content: one },
    404: notFound,
    422: invalid,
    ...guard.responses,
  },
});

const replaceCustomer = createRoute({
  operationId: 'replaceCustomer',
  method: 'put',
  path: '/api/v1/customers/{id}',
  tags,
  security: guard.security,
  summary: 'Replace a customer; optional fields left out become null',
  request: {
    params: idParamsSchema,
    body: { required: true, content: jsonContent(createCustomerSchema) },
  },
  responses: {
    200: { description: 'Replaced', content: one },
    404: notFound,
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const updateCustomer = createRoute({
  operationId: 'updateCustomer',
  method: 'patch',
  path: '/api/v1/customers/{id}',
  tags,
  security: guard.security,
  summary: 'Change the fields sent',
  request: {
    params: idParamsSchema,
    body: { required: true, content: jsonContent(updateCustomerSchema) },
  },
  responses: {
    200: { description: 'Updated', content: one },
    404: notFound,
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const deleteCustomer = createRoute({
  operationId: 'deleteCustomer',
  method: 'delete',
  path: '/api/v1/customers/{id}',
  tags,
  security: guard.security,
  summary: 'Delete a customer',
  request: { params: idParamsSchema },
  responses: {
    204: { description: 'Deleted' },
    404: notFound,
    409: { description: 'Other rows still refer to this customer', content: problemContent },
    422: invalid,
    ...guard.responses,
  },
});

export function createCustomerRouter(container: DependencyContainer) {
  const customers = resolve(container, CUSTOMER_USE_CASE);
  const router = createRouter();
  // Hono's `/*` also matches the collection's own path: one guard covers the domain's routes,
  // and the same guard each list under a ref's target.
  const signedIn = requireUser(container, 'admin');
  router.use('/api/v1/customers/*', signedIn);

  router.openapi(createCustomer, async (c) => {
    const created = await customers.create(c.req.valid('json'));
    return c.json(created, 201, { Location: `/api/v1/customers/${created.data.id}` });
  });

  router.openapi(createCustomers, async (c) =>
    c.json(await customers.createMany(c.req.valid('json')), 201),
  );

  router.openapi(listCustomers, async (c) =>
    c.json(await customers.find(c.req.valid('query')), 200),
  );

  router.openapi(getCustomer, async (c) =>
    c.json(await customers.get(c.req.valid('param').id), 200),
  );

  router.openapi(replaceCustomer, async (c) =>
    c.json(await customers.update(c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(updateCustomer, async (c) =>
    c.json(await customers.update(c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(deleteCustomer, async (c) => {
    await customers.delete(c.req.valid('param').id);
    return c.body(null, 204);
  });

  return router;
}
