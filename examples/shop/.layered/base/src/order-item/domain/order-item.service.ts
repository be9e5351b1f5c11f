import { BaseService } from '../../_core/domain/base.service.js';
import type { Id } from '../../_core/domain/entity.js';
import { assertReferencedRowExists, assertReferencesExist } from '../../_core/domain/references.js';
import { token } from '../../_core/domain/token.js';
import type { OrderItem, CreateOrderItem, UpdateOrderItem } from './order-item.entity.js';
import { ORDER_ITEM_REFERENCES, type OrderItemRepository } from './order-item.repository.js';

export class OrderItemService extends BaseService<CreateOrderItem, OrderItem, UpdateOrderItem> {
  constructor(protected override readonly repository: OrderItemRepository) {
    super(repository, 'OrderItem');
  }

  /** Refuses refs to rows that do not exist with a 422 naming each field. */
  protected override async checkWrites(writes: ReadonlyArray<UpdateOrderItem>, bulk: boolean) {
    await assertReferencesExist(this.repository, ORDER_ITEM_REFERENCES, writes, {
      resource: this.resource,
      bulk,
    });
  }

  /** A 404 before listing under a row that does not exist (`GET /api/v1/orders/{id}/order-items`). */
  override async assertReferenced(field: string, id: Id): Promise<void> {
    await assertReferencedRowExists(this.repository, ORDER_ITEM_REFERENCES, field, id);
  }
}

export const ORDER_ITEM_SERVICE = token<OrderItemService>('OrderItemService');
