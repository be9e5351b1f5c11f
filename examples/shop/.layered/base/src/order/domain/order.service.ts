import { BaseService } from '../../_core/domain/base.service.js';
import type { Id } from '../../_core/domain/entity.js';
import { assertReferencedRowExists, assertReferencesExist } from '../../_core/domain/references.js';
import { token } from '../../_core/domain/token.js';
import type { Order, CreateOrder, UpdateOrder } from './order.entity.js';
import { ORDER_REFERENCES, type OrderRepository } from './order.repository.js';

export class OrderService extends BaseService<CreateOrder, Order, UpdateOrder> {
  constructor(protected override readonly repository: OrderRepository) {
    super(repository, 'Order');
  }

  /** Refuses refs to rows that do not exist with a 422 naming each field. */
  protected override async checkWrites(writes: ReadonlyArray<UpdateOrder>, bulk: boolean) {
    await assertReferencesExist(this.repository, ORDER_REFERENCES, writes, {
      resource: this.resource,
      bulk,
    });
  }

  /** A 404 before listing under a row that does not exist (`GET /api/v1/customers/{id}/orders`). */
  override async assertReferenced(field: string, id: Id): Promise<void> {
    await assertReferencedRowExists(this.repository, ORDER_REFERENCES, field, id);
  }
}

export const ORDER_SERVICE = token<OrderService>('OrderService');
