import type { Kysely } from 'kysely';

import type { Database } from '../../src/_core/infrastructure/database.js';
import type { Order, CreateOrder } from '../../src/order/domain/order.entity.js';
import { OrderKyselyRepository } from '../../src/order/infrastructure/order.kysely-repository.js';
import { seedUser } from '../auth/support/auth-app.js';
import { seedCustomer } from '../customer/customer.fixtures.js';

/** The ids of the rows an order refers to. */
export type OrderRefs = Pick<CreateOrder, 'buyerId'>;

/** A valid new order; unique fields get values no other test run has used. */
export function sampleOrder(refs: OrderRefs): CreateOrder {
  return {
    buyerId: refs.buyerId,
    status: 'open',
    placedAt: '2026-01-31T09:30:00.125Z',
    note: 'Note A, written at length.',
  };
}

/** Stores the rows an order refers to. */
export async function seedOrderRefs(db: Kysely<Database>): Promise<OrderRefs> {
  return {
    buyerId: (await seedCustomer(db)).id,
  };
}

/** Stores an order and the rows it refers to, owned by a new user, for tests that need one. */
export async function seedOrder(db: Kysely<Database>): Promise<Order> {
  return new OrderKyselyRepository(db).create(sampleOrder(await seedOrderRefs(db)), {
    ownerId: await seedUser(db),
  });
}
