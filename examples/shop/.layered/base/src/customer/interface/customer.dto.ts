import { z } from '@hono/zod-openapi';

import { listQuerySchema } from '../../_core/interface/list-query-schema.js';
import {
  batchSchema,
  entityFields,
  schemaOf,
  stringSchema,
  uuidSchema,
} from '../../_core/interface/schemas.js';
import type { Customer, CreateCustomer, UpdateCustomer } from '../domain/customer.entity.js';

const customerFields = {
  email: stringSchema(254).openapi({ example: 'Email A' }),
  name: stringSchema(120).openapi({ example: 'Name A' }),
  vip: z.boolean().openapi({ example: true }),
  externalId: uuidSchema.nullable().openapi({ example: '0b9e5c7a-3f5d-4c1e-9a8b-2d6f4e1c7a90' }),
};

/** POST and PUT: fields left out get their default, or null when optional. */
export const createCustomerSchema = schemaOf<CreateCustomer>(
  z
    .strictObject({
      ...customerFields,
      vip: customerFields.vip.default(false),
      externalId: customerFields.externalId.default(null),
    })
    .openapi('CreateCustomer'),
);

export const createCustomersSchema = batchSchema(createCustomerSchema);

/** PATCH: only the fields sent change. */
export const updateCustomerSchema = schemaOf<UpdateCustomer>(
  z.strictObject(customerFields).partial().openapi('UpdateCustomer'),
);

export const customerSchema = schemaOf<Customer>(
  z
    .object({
      ...entityFields,
      email: z.string().openapi({ example: 'Email A' }),
      name: z.string().openapi({ example: 'Name A' }),
      vip: z.boolean().openapi({ example: true }),
      externalId: z.uuid().nullable().openapi({ example: '0b9e5c7a-3f5d-4c1e-9a8b-2d6f4e1c7a90' }),
    })
    .openapi('Customer'),
);

/** `GET /api/v1/customers`: the filters each field takes, and the indexed fields it sorts on. */
export const customerListQuery = listQuerySchema({
  email: { kind: 'string', sortable: true },
  name: { kind: 'string' },
  vip: { kind: 'boolean' },
  externalId: { kind: 'uuid', optional: true },
});
