import type { Kysely } from 'kysely';

import { fromDbDateTime, toDbDateTime } from '../../_core/infrastructure/column-values.js';
import type { Database } from '../../_core/infrastructure/database.js';
import { KyselyRepository } from '../../_core/infrastructure/kysely-repository.js';
import type { Outbox } from '../../_core/infrastructure/outbox.js';
import type { Order, CreateOrder, UpdateOrder } from '../domain/order.entity.js';
import type { OrderReferenceIds, OrderRepository } from '../domain/order.repository.js';
import type { OrderRow, OrderTable } from './order.table.js';

export class OrderKyselyRepository
  extends KyselyRepository<OrderTable, Order, CreateOrder, UpdateOrder>
  implements OrderRepository
{
  constructor(db: Kysely<Database>, outbox?: Outbox) {
    super(db, 'order', 'Order', outbox);
  }

  missingReferences(ids: OrderReferenceIds): Promise<OrderReferenceIds> {
    return this.findMissing({ buyerId: 'customer' }, ids);
  }

  protected toEntity(row: OrderRow): Order {
    return {
      id: Number(row.id),
      createdAt: fromDbDateTime(row.createdAt),
      updatedAt: fromDbDateTime(row.updatedAt),
      buyerId: row.buyerId,
      status: row.status,
      placedAt: fromDbDateTime(row.placedAt),
      note: row.note,
      ownerId: Number(row.ownerId),
    };
  }

  protected toInsert(input: CreateOrder) {
    return {
      buyerId: input.buyerId,
      status: input.status,
      placedAt: toDbDateTime(input.placedAt),
      note: input.note,
    };
  }

  protected toUpdate(changes: UpdateOrder) {
    return {
      buyerId: changes.buyerId,
      status: changes.status,
      placedAt: toDbDateTime(changes.placedAt),
      note: changes.note,
    };
  }
}
