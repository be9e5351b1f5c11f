import { describe, expect, it } from 'vitest';

import { NotFoundError } from '../../src/_core/domain/errors.js';
import type { Order, CreateOrder, UpdateOrder } from '../../src/order/domain/order.entity.js';
import type {
  OrderReferenceIds,
  OrderRepository,
} from '../../src/order/domain/order.repository.js';
import { OrderService } from '../../src/order/domain/order.service.js';
import { InMemoryRepository } from '../_core/support/in-memory-repository.js';
import { sampleOrder } from './order.fixtures.js';

/** The one row that exists in each table an order refers to. */
const EXISTING_ID = 1;
const MISSING_ID = 404;
const refs = {
  buyerId: EXISTING_ID,
};

class FakeOrderRepository
  extends InMemoryRepository<CreateOrder, Order, UpdateOrder>
  implements OrderRepository
{
  async missingReferences(ids: OrderReferenceIds): Promise<OrderReferenceIds> {
    return {
      buyerId: ids.buyerId.filter((id) => id !== EXISTING_ID),
    };
  }
}

function createOrderService() {
  return new OrderService(new FakeOrderRepository());
}

describe('OrderService', () => {
  it('creates an order and reads it back', async () => {
    const service = createOrderService();
    const created = await service.create(sampleOrder(refs));
    expect(await service.get(created.id)).toEqual(created);
  });

  it.each([
    ['get', (service: OrderService) => service.get(9)],
    ['update', (service: OrderService) => service.update(9, {})],
    ['delete', (service: OrderService) => service.delete(9)],
  ])('%s of an absent order is ORDER_NOT_FOUND', async (_, call) => {
    const error = await call(createOrderService()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'ORDER_NOT_FOUND' });
  });

  it('refuses a customer that does not exist, naming the field', async () => {
    const service = createOrderService();
    const input = { ...sampleOrder(refs), buyerId: MISSING_ID };
    await expect(service.create(input)).rejects.toMatchObject({
      status: 422,
      code: 'ORDER_REFERENCE_NOT_FOUND',
      errors: [{ pointer: '/buyerId', message: 'Customer 404 does not exist.' }],
    });
  });

  it('points at the row of a bulk create that names a missing customer', async () => {
    const service = createOrderService();
    const rows = [sampleOrder(refs), { ...sampleOrder(refs), buyerId: MISSING_ID }];
    await expect(service.createMany(rows)).rejects.toMatchObject({
      errors: [{ pointer: '/1/buyerId' }],
    });
    expect(await service.count()).toBe(0);
  });

  it('checks refs on update too', async () => {
    const service = createOrderService();
    const created = await service.create(sampleOrder(refs));
    await expect(service.update(created.id, { buyerId: MISSING_ID })).rejects.toMatchObject({
      code: 'ORDER_REFERENCE_NOT_FOUND',
    });
  });
});
