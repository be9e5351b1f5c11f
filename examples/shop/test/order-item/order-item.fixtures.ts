import type { Kysely } from 'kysely';

import type { Database } from '../../src/_core/infrastructure/database.js';
import type { OrderItem, CreateOrderItem } from '../../src/order-item/domain/order-item.entity.js';
import { OrderItemKyselyRepository } from '../../src/order-item/infrastructure/order-item.kysely-repository.js';
import { seedUser } from '../auth/support/auth-app.js';
import { seedOrder } from '../order/order.fixtures.js';
import { seedProduct } from '../product/product.fixtures.js';

/** The ids of the rows an order item refers to. */
export type OrderItemRefs = Pick<CreateOrderItem, 'orderId' | 'productId'>;

/** A valid new order item; unique fields get values no other test run has used. */
export function sampleOrderItem(refs: OrderItemRefs): CreateOrderItem {
  return {
    orderId: refs.orderId,
    productId: refs.productId,
    quantity: 12,
    unitPrice: '12345678901234.56',
  };
}

/** Stores the rows an order item refers to. */
export async function seedOrderItemRefs(db: Kysely<Database>): Promise<OrderItemRefs> {
  return {
    orderId: (await seedOrder(db)).id,
    productId: (await seedProduct(db)).id,
  };
}

/** Stores an order item and the rows it refers to, owned by a new user, for tests that need one. */
export async function seedOrderItem(db: Kysely<Database>): Promise<OrderItem> {
  return new OrderItemKyselyRepository(db).create(sampleOrderItem(await seedOrderItemRefs(db)), {
    ownerId: await seedUser(db),
  });
}
