import { z } from '@hono/zod-openapi';

import { listQuerySchema } from '../../_core/interface/list-query-schema.js';
import {
  batchSchema,
  bigintSchema,
  dateSchema,
  decimalSchema,
  entityFields,
  idSchema,
  intSchema,
  jsonSchema,
  schemaOf,
  stringSchema,
} from '../../_core/interface/schemas.js';
import type { Product, CreateProduct, UpdateProduct } from '../domain/product.entity.js';

const productFields = {
  name: stringSchema(120).openapi({ example: 'Name A' }),
  sku: stringSchema(32).openapi({ example: 'Sku A' }),
  price: decimalSchema(18, 2).openapi({ example: '12345678901234.56' }),
  stock: intSchema.openapi({ example: 12 }),
  weight: z.number().nullable().openapi({ example: 1.5 }),
  views: bigintSchema.openapi({ example: '9007199254740993' }),
  releasedOn: dateSchema.nullable().openapi({ example: '2026-02-28' }),
  attributes: jsonSchema.nullable().openapi({ example: { colour: 'red', sizes: [38, 40] } }),
  categoryId: idSchema.openapi({ example: 1 }),
  discontinued: z.boolean().openapi({ example: true }),
};

/** POST and PUT: fields left out get their default, or null when optional. */
export const createProductSchema = schemaOf<CreateProduct>(
  z
    .strictObject({
      ...productFields,
      stock: productFields.stock.default(0),
      weight: productFields.weight.default(null),
      views: productFields.views.default('0'),
      releasedOn: productFields.releasedOn.default(null),
      attributes: productFields.attributes.default(null),
      discontinued: productFields.discontinued.default(false),
    })
    .openapi('CreateProduct'),
);

export const createProductsSchema = batchSchema(createProductSchema);

/** PATCH: only the fields sent change. */
export const updateProductSchema = schemaOf<UpdateProduct>(
  z.strictObject(productFields).partial().openapi('UpdateProduct'),
);

export const productSchema = schemaOf<Product>(
  z
    .object({
      ...entityFields,
      name: z.string().openapi({ example: 'Name A' }),
      sku: z.string().openapi({ example: 'Sku A' }),
      price: z.string().openapi({ format: 'decimal', example: '12345678901234.56' }),
      stock: z.number().int().openapi({ example: 12 }),
      weight: z.number().nullable().openapi({ example: 1.5 }),
      views: z.string().openapi({ format: 'int64', example: '9007199254740993' }),
      releasedOn: z.iso.date().nullable().openapi({ example: '2026-02-28' }),
      attributes: jsonSchema.nullable().openapi({ example: { colour: 'red', sizes: [38, 40] } }),
      categoryId: z.number().int().openapi({ example: 1 }),
      discontinued: z.boolean().openapi({ example: true }),
    })
    .openapi('Product'),
);

/** `GET /api/v1/products`: the filters each field takes, and the indexed fields it sorts on. */
export const productListQuery = listQuerySchema({
  name: { kind: 'string' },
  sku: { kind: 'string', sortable: true },
  price: { kind: 'decimal', precision: 18, scale: 2 },
  stock: { kind: 'int', sortable: true },
  weight: { kind: 'float', optional: true },
  views: { kind: 'bigint' },
  releasedOn: { kind: 'date', optional: true },
  categoryId: { kind: 'id', sortable: true },
  discontinued: { kind: 'boolean' },
});
