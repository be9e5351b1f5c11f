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
import { CATEGORY_USE_CASE } from '../application/category.use-case.js';
import {
  createCategorySchema,
  createCategoriesSchema,
  categoryListQuery,
  categorySchema,
  updateCategorySchema,
} from './category.dto.js';

const tags = ['Categories'];
const one = jsonContent(dataSchema(categorySchema));
const many = jsonContent(dataListSchema(categorySchema));
const list = { description: 'The categories', content: jsonContent(listSchema(categorySchema)) };
const invalid = {
  description: 'The request is not valid, or refers to a row that does not exist',
  content: problemContent,
};
const notFound = { description: 'No category has this id', content: problemContent };
const conflict = {
  description: 'A unique field clashes with another category',
  content: problemContent,
};
const guard = {
  security: bearerSecurity,
  responses: {
    401: { description: 'No valid access token', content: problemContent },
  },
};

const createCategory = createRoute({
  operationId: 'createCategory',
  method: 'post',
  path: '/api/v1/categories',
  tags,
  security: guard.security,
  summary: 'Create a category',
  request: { body: { required: true, content: jsonContent(createCategorySchema) } },
  responses: {
    201: {
      description: 'Created; `Location` is its URL',
      headers: z.object({ Location: z.string().openapi({ example: '/api/v1/categories/1' }) }),
      content: one,
    },
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const createCategories = createRoute({
  operationId: 'createCategories',
  method: 'post',
  path: '/api/v1/categories/bulk',
  tags,
  security: guard.security,
  summary: 'Create up to 100 categories, all or none',
  request: { body: { required: true, content: jsonContent(createCategoriesSchema) } },
  responses: {
    201: { description: 'Created, in the order sent', content: many },
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const listCategories = createRoute({
  operationId: 'listCategories',
  method: 'get',
  path: '/api/v1/categories',
  tags,
  security: guard.security,
  summary: 'Categories: filtered, sorted, paged by offset or cursor; or those with the given ids',
  request: { query: categoryListQuery },
  responses: { 200: list, 422: invalid, ...guard.responses },
});

const listCategoriesByParent = createRoute({
  operationId: 'listCategoriesByParent',
  method: 'get',
  path: '/api/v1/categories/{id}/categories',
  tags,
  security: guard.security,
  summary: 'Categories whose parentId is this category: filtered, sorted and paged as the list is',
  request: { params: idParamsSchema, query: categoryListQuery },
  responses: {
    200: list,
    404: { description: 'No category has this id', content: problemContent },
    422: invalid,
    ...guard.responses,
  },
});

const getCategory = createRoute({
  operationId: 'getCategory',
  method: 'get',
  path: '/api/v1/categories/{id}',
  tags,
  security: guard.security,
  summary: 'Get a category',
  request: { params: idParamsSchema },
  responses: {
    200: { description: 'The category', content: one },
    404: notFound,
    422: invalid,
    ...guard.responses,
  },
});

const replaceCategory = createRoute({
  operationId: 'replaceCategory',
  method: 'put',
  path: '/api/v1/categories/{id}',
  tags,
  security: guard.security,
  summary: 'Replace a category; optional fields left out become null',
  request: {
    params: idParamsSchema,
    body: { required: true, content: jsonContent(createCategorySchema) },
  },
  responses: {
    200: { description: 'Replaced', content: one },
    404: notFound,
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const updateCategory = createRoute({
  operationId: 'updateCategory',
  method: 'patch',
  path: '/api/v1/categories/{id}',
  tags,
  security: guard.security,
  summary: 'Change the fields sent',
  request: {
    params: idParamsSchema,
    body: { required: true, content: jsonContent(updateCategorySchema) },
  },
  responses: {
    200: { description: 'Updated', content: one },
    404: notFound,
    409: conflict,
    422: invalid,
    ...guard.responses,
  },
});

const deleteCategory = createRoute({
  operationId: 'deleteCategory',
  method: 'delete',
  path: '/api/v1/categories/{id}',
  tags,
  security: guard.security,
  summary: 'Delete a category',
  request: { params: idParamsSchema },
  responses: {
    204: { description: 'Deleted' },
    404: notFound,
    409: { description: 'Other rows still refer to this category', content: problemContent },
    422: invalid,
    ...guard.responses,
  },
});

export function createCategoryRouter(container: DependencyContainer) {
  const categories = resolve(container, CATEGORY_USE_CASE);
  const router = createRouter();
  // Hono's `/*` also matches the collection's own path: one guard covers the domain's routes,
  // and the same guard each list under a ref's target.
  const signedIn = requireUser(container);
  router.use('/api/v1/categories/*', signedIn);
  router.use('/api/v1/categories/:id/categories', signedIn);

  router.openapi(createCategory, async (c) => {
    const created = await categories.create(c.req.valid('json'));
    return c.json(created, 201, { Location: `/api/v1/categories/${created.data.id}` });
  });

  router.openapi(createCategories, async (c) =>
    c.json(await categories.createMany(c.req.valid('json')), 201),
  );

  router.openapi(listCategories, async (c) =>
    c.json(await categories.find(c.req.valid('query')), 200),
  );

  router.openapi(listCategoriesByParent, async (c) =>
    c.json(
      await categories.findReferring('parentId', c.req.valid('param').id, c.req.valid('query')),
      200,
    ),
  );

  router.openapi(getCategory, async (c) =>
    c.json(await categories.get(c.req.valid('param').id), 200),
  );

  router.openapi(replaceCategory, async (c) =>
    c.json(await categories.update(c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(updateCategory, async (c) =>
    c.json(await categories.update(c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(deleteCategory, async (c) => {
    await categories.delete(c.req.valid('param').id);
    return c.body(null, 204);
  });

  return router;
}
