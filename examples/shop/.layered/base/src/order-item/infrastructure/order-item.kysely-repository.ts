import type { Kysely } from 'kysely';

import {
  fromDbDateTime,
  fromDbDecimal,
  toDbDecimal,
} from '../../_core/infrastructure/column-values.js';
import type { Database } from '../../_core/infrastructure/database.js';
import { KyselyRepository } from '../../_core/infrastructure/kysely-repository.js';
import type { Outbox } from '../../_core/infrastructure/outbox.js';
import type { OrderItem, CreateOrderItem, UpdateOrderItem } from '../domain/order-item.entity.js';
import type {
  OrderItemReferenceIds,
  OrderItemRepository,
} from '../domain/order-item.repository.js';
import type { OrderItemRow, OrderItemTable } from './order-item.table.js';

export class OrderItemKyselyRepository
  extends KyselyRepository<OrderItemTable, OrderItem, CreateOrderItem, UpdateOrderItem>
  implements OrderItemRepository
{
  constructor(db: Kysely<Database>, outbox?: Outbox) {
    super(db, 'order_item', 'OrderItem', outbox);
  }

  missingReferences(ids: OrderItemReferenceIds): Promise<OrderItemReferenceIds> {
    return this.findMissing({ orderId: 'order', productId: 'product' }, ids);
  }

  protected toEntity(row: OrderItemRow): OrderItem {
    return {
      id: Number(row.id),
      createdAt: fromDbDateTime(row.createdAt),
      updatedAt: fromDbDateTime(row.updatedAt),
      orderId: row.orderId,
      productId: row.productId,
      quantity: row.quantity,
      unitPrice: fromDbDecimal(row.unitPrice, 2),
      ownerId: Number(row.ownerId),
    };
  }

  protected toInsert(input: CreateOrderItem) {
    return {
      orderId: input.orderId,
      productId: input.productId,
      quantity: input.quantity,
      unitPrice: toDbDecimal(input.unitPrice, 2),
    };
  }

  protected toUpdate(changes: UpdateOrderItem) {
    return {
      orderId: changes.orderId,
      productId: changes.productId,
      quantity: changes.quantity,
      unitPrice: toDbDecimal(changes.unitPrice, 2),
    };
  }
}
