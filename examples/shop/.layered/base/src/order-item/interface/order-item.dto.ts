import { z } from '@hono/zod-openapi';

import { listQuerySchema } from '../../_core/interface/list-query-schema.js';
import {
  batchSchema,
  decimalSchema,
  entityFields,
  idSchema,
  intSchema,
  schemaOf,
} from '../../_core/interface/schemas.js';
import type { OrderItem, CreateOrderItem, UpdateOrderItem } from '../domain/order-item.entity.js';

const orderItemFields = {
  orderId: idSchema.openapi({ example: 1 }),
  productId: idSchema.openapi({ example: 1 }),
  quantity: intSchema.openapi({ example: 12 }),
  unitPrice: decimalSchema(18, 2).openapi({ example: '12345678901234.56' }),
};

/** POST and PUT: fields left out get their default, or null when optional. */
export const createOrderItemSchema = schemaOf<CreateOrderItem>(
  z
    .strictObject({
      ...orderItemFields,
    })
    .openapi('CreateOrderItem'),
);

export const createOrderItemsSchema = batchSchema(createOrderItemSchema);

/** PATCH: only the fields sent change. */
export const updateOrderItemSchema = schemaOf<UpdateOrderItem>(
  z.strictObject(orderItemFields).partial().openapi('UpdateOrderItem'),
);

export const orderItemSchema = schemaOf<OrderItem>(
  z
    .object({
      ...entityFields,
      orderId: z.number().int().openapi({ example: 1 }),
      productId: z.number().int().openapi({ example: 1 }),
      quantity: z.number().int().openapi({ example: 12 }),
      unitPrice: z.string().openapi({ format: 'decimal', example: '12345678901234.56' }),
      ownerId: entityFields.id,
    })
    .openapi('OrderItem'),
);

/** `GET /api/v1/order-items`: the filters each field takes, and the indexed fields it sorts on. */
export const orderItemListQuery = listQuerySchema({
  orderId: { kind: 'id', sortable: true },
  productId: { kind: 'id', sortable: true },
  quantity: { kind: 'int' },
  unitPrice: { kind: 'decimal', precision: 18, scale: 2 },
});
