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
import { PRODUCT_USE_CASE } from '../application/product.use-case.js';
import {
  createProductSchema,
  createProductsSchema,
  productListQuery,
  productSchema,
  updateProductSchema,
} from './product.dto.js';

const tags = ['Products'];
const one = jsonContent(dataSchema(productSchema));
const many = jsonContent(dataListSchema(productSchema));
const list = { description: 'The products', content: jsonContent(listSchema(productSchema)) };
const invalid = {
  description: 'The request is not valid, or refers to a row that does not exist',
  content: problemContent,
};
const notFound = { description: 'No product has this id', content: problemContent };
const conflict = {
  description: 'A unique field clashes with another product',
  content: problemContent,
};

const createProduct = createRoute({
  operationId: 'createProduct',
  method: 'post',
  path: '/api/v1/products',
  tags,
  summary: 'Create a product',
  request: { body: { required: true, content: jsonContent(createProductSchema) } },
  responses: {
    201: {
      description: 'Created; `Location` is its URL',
      headers: z.object({ Location: z.string().openapi({ example: '/api/v1/products/1' }) }),
      content: one,
    },
    409: conflict,
    422: invalid,
  },
});

const createProducts = createRoute({
  operationId: 'createProducts',
  method: 'post',
  path: '/api/v1/products/bulk',
  tags,
  summary: 'Create up to 100 products, all or none',
  request: { body: { required: true, content: jsonContent(createProductsSchema) } },
  responses: {
    201: { description: 'Created, in the order sent', content: many },
    409: conflict,
    422: invalid,
  },
});

const listProducts = createRoute({
  operationId: 'listProducts',
  method: 'get',
  path: '/api/v1/products',
  tags,
  summary: 'Products: filtered, sorted, paged by offset or cursor; or those with the given ids',
  request: { query: productListQuery },
  responses: { 200: list, 422: invalid },
});

const listProductsByCategory = createRoute({
  operationId: 'listProductsByCategory',
  method: 'get',
  path: '/api/v1/categories/{id}/products',
  tags,
  summary: 'Products whose categoryId is this category: filtered, sorted and paged as the list is',
  request: { params: idParamsSchema, query: productListQuery },
  responses: {
    200: list,
    404: { description: 'No category has this id', content: problemContent },
    422: invalid,
  },
});

const getProduct = createRoute({
  operationId: 'getProduct',
  method: 'get',
  path: '/api/v1/products/{id}',
  tags,
  summary: 'Get a product',
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The product', content: one }, 404: notFound, 422: invalid },
});

const replaceProduct = createRoute({
  operationId: 'replaceProduct',
  method: 'put',
  path: '/api/v1/products/{id}',
  tags,
  summary: 'Replace a product; optional fields left out become null',
  request: {
    params: idParamsSchema,
    body: { required: true, content: jsonContent(createProductSchema) },
  },
  responses: {
    200: { description: 'Replaced', content: one },
    404: notFound,
    409: conflict,
    422: invalid,
  },
});

const updateProduct = createRoute({
  operationId: 'updateProduct',
  method: 'patch',
  path: '/api/v1/products/{id}',
  tags,
  summary: 'Change the fields sent',
  request: {
    params: idParamsSchema,
    body: { required: true, content: jsonContent(updateProductSchema) },
  },
  responses: {
    200: { description: 'Updated', content: one },
    404: notFound,
    409: conflict,
    422: invalid,
  },
});

const deleteProduct = createRoute({
  operationId: 'deleteProduct',
  method: 'delete',
  path: '/api/v1/products/{id}',
  tags,
  summary: 'Delete a product',
  request: { params: idParamsSchema },
  responses: {
    204: { description: 'Deleted' },
    404: notFound,
    409: { description: 'Other rows still refer to this product', content: problemContent },
    422: invalid,
  },
});

export function createProductRouter(container: DependencyContainer) {
  const products = resolve(container, PRODUCT_USE_CASE);
  const router = createRouter();

  router.openapi(createProduct, async (c) => {
    const created = await products.create(c.req.valid('json'));
    return c.json(created, 201, { Location: `/api/v1/products/${created.data.id}` });
  });

  router.openapi(createProducts, async (c) =>
    c.json(await products.createMany(c.req.valid('json')), 201),
  );

  router.openapi(listProducts, async (c) => c.json(await products.find(c.req.valid('query')), 200));

  router.openapi(listProductsByCategory, async (c) =>
    c.json(
      await products.findReferring('categoryId', c.req.valid('param').id, c.req.valid('query')),
      200,
    ),
  );

  router.openapi(getProduct, async (c) => c.json(await products.get(c.req.valid('param').id), 200));

  router.openapi(replaceProduct, async (c) =>
    c.json(await products.update(c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(updateProduct, async (c) =>
    c.json(await products.update(c.req.valid('param').id, c.req.valid('json')), 200),
  );

  router.openapi(deleteProduct, async (c) => {
    await products.delete(c.req.valid('param').id);
    return c.body(null, 204);
  });

  return router;
}
