import { z } from '@hono/zod-openapi';

import { listQuerySchema } from '../../_core/interface/list-query-schema.js';
import {
  batchSchema,
  dateTimeSchema,
  entityFields,
  idSchema,
  now,
  schemaOf,
  textSchema,
} from '../../_core/interface/schemas.js';
import {
  ORDER_STATUSES,
  type Order,
  type CreateOrder,
  type UpdateOrder,
} from '../domain/order.entity.js';

const orderFields = {
  buyerId: idSchema.openapi({ example: 1 }),
  status: z.enum(ORDER_STATUSES).openapi({ example: 'open' }),
  placedAt: dateTimeSchema.openapi({ example: '2026-01-31T09:30:00.125Z' }),
  note: textSchema.nullable().openapi({ example: 'Note A, written at length.' }),
};

/** POST and PUT: fields left out get their default, or null when optional. */
export const createOrderSchema = schemaOf<CreateOrder>(
  z
    .strictObject({
      ...orderFields,
      status: orderFields.status.default('open'),
      placedAt: orderFields.placedAt.default(now),
      note: orderFields.note.default(null),
    })
    .openapi('CreateOrder'),
);

export const createOrdersSchema = batchSchema(createOrderSchema);

/** PATCH: only the fields sent change. */
export const updateOrderSchema = schemaOf<UpdateOrder>(
  z.strictObject(orderFields).partial().openapi('UpdateOrder'),
);

export const orderSchema = schemaOf<Order>(
  z
    .object({
      ...entityFields,
      buyerId: z.number().int().openapi({ example: 1 }),
      status: z.enum(ORDER_STATUSES).openapi({ example: 'open' }),
      placedAt: z.iso.datetime().openapi({ example: '2026-01-31T09:30:00.125Z' }),
      note: z.string().nullable().openapi({ example: 'Note A, written at length.' }),
      ownerId: entityFields.id,
    })
    .openapi('Order'),
);

/** `GET /api/v1/orders`: the filters each field takes, and the indexed fields it sorts on. */
export const orderListQuery = listQuerySchema({
  buyerId: { kind: 'id', sortable: true },
  status: { kind: 'enum', values: ORDER_STATUSES },
  placedAt: { kind: 'datetime' },
  note: { kind: 'text', optional: true },
});
