import { describe, expect, it } from 'vitest';

import { NotFoundError } from '../../src/_core/domain/errors.js';
import type {
  OrderItem,
  CreateOrderItem,
  UpdateOrderItem,
} from '../../src/order-item/domain/order-item.entity.js';
import type {
  OrderItemReferenceIds,
  OrderItemRepository,
} from '../../src/order-item/domain/order-item.repository.js';
import { OrderItemService } from '../../src/order-item/domain/order-item.service.js';
import { InMemoryRepository } from '../_core/support/in-memory-repository.js';
import { sampleOrderItem } from './order-item.fixtures.js';

/** The one row that exists in each table an order item refers to. */
const EXISTING_ID = 1;
const MISSING_ID = 404;
const refs = {
  orderId: EXISTING_ID,
  productId: EXISTING_ID,
};

class FakeOrderItemRepository
  extends InMemoryRepository<CreateOrderItem, OrderItem, UpdateOrderItem>
  implements OrderItemRepository
{
  async missingReferences(ids: OrderItemReferenceIds): Promise<OrderItemReferenceIds> {
    return {
      orderId: ids.orderId.filter((id) => id !== EXISTING_ID),
      productId: ids.productId.filter((id) => id !== EXISTING_ID),
    };
  }
}

function createOrderItemService() {
  return new OrderItemService(new FakeOrderItemRepository());
}

describe('OrderItemService', () => {
  it('creates an order item and reads it back', async () => {
    const service = createOrderItemService();
    const created = await service.create(sampleOrderItem(refs));
    expect(await service.get(created.id)).toEqual(created);
  });

  it.each([
    ['get', (service: OrderItemService) => service.get(9)],
    ['update', (service: OrderItemService) => service.update(9, {})],
    ['delete', (service: OrderItemService) => service.delete(9)],
  ])('%s of an absent order item is ORDER_ITEM_NOT_FOUND', async (_, call) => {
    const error = await call(createOrderItemService()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'ORDER_ITEM_NOT_FOUND' });
  });

  it('refuses an order that does not exist, naming the field', async () => {
    const service = createOrderItemService();
    const input = { ...sampleOrderItem(refs), orderId: MISSING_ID };
    await expect(service.create(input)).rejects.toMatchObject({
      status: 422,
      code: 'ORDER_ITEM_REFERENCE_NOT_FOUND',
      errors: [{ pointer: '/orderId', message: 'Order 404 does not exist.' }],
    });
  });

  it('points at the row of a bulk create that names a missing order', async () => {
    const service = createOrderItemService();
    const rows = [sampleOrderItem(refs), { ...sampleOrderItem(refs), orderId: MISSING_ID }];
    await expect(service.createMany(rows)).rejects.toMatchObject({
      errors: [{ pointer: '/1/orderId' }],
    });
    expect(await service.count()).toBe(0);
  });

  it('checks refs on update too', async () => {
    const service = createOrderItemService();
    const created = await service.create(sampleOrderItem(refs));
    await expect(service.update(created.id, { orderId: MISSING_ID })).rejects.toMatchObject({
      code: 'ORDER_ITEM_REFERENCE_NOT_FOUND',
    });
  });
});
