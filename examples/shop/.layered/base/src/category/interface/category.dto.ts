import { z } from '@hono/zod-openapi';

import { listQuerySchema } from '../../_core/interface/list-query-schema.js';
import {
  batchSchema,
  entityFields,
  idSchema,
  schemaOf,
  stringSchema,
  textSchema,
} from '../../_core/interface/schemas.js';
import type { Category, CreateCategory, UpdateCategory } from '../domain/category.entity.js';

const categoryFields = {
  name: stringSchema(80).openapi({ example: 'Name A' }),
  description: textSchema.nullable().openapi({ example: 'Description A, written at length.' }),
  parentId: idSchema.nullable().openapi({ example: 1 }),
};

/** POST and PUT: fields left out get their default, or null when optional. */
export const createCategorySchema = schemaOf<CreateCategory>(
  z
    .strictObject({
      ...categoryFields,
      description: categoryFields.description.default(null),
      parentId: categoryFields.parentId.default(null),
    })
    .openapi('CreateCategory'),
);

export const createCategoriesSchema = batchSchema(createCategorySchema);

/** PATCH: only the fields sent change. */
export const updateCategorySchema = schemaOf<UpdateCategory>(
  z.strictObject(categoryFields).partial().openapi('UpdateCategory'),
);

export const categorySchema = schemaOf<Category>(
  z
    .object({
      ...entityFields,
      name: z.string().openapi({ example: 'Name A' }),
      description: z.string().nullable().openapi({ example: 'Description A, written at length.' }),
      parentId: z.number().int().nullable().openapi({ example: 1 }),
    })
    .openapi('Category'),
);

/** `GET /api/v1/categories`: the filters each field takes, and the indexed fields it sorts on. */
export const categoryListQuery = listQuerySchema({
  name: { kind: 'string', sortable: true },
  description: { kind: 'text', optional: true },
  parentId: { kind: 'id', optional: true, sortable: true },
});
