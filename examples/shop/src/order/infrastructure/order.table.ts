import type { Insertable, Selectable, Updateable } from 'kysely';

import type { DateTimeColumn } from '../../_core/infrastructure/column-types.js';
import type { BaseTable } from '../../_core/infrastructure/kysely-repository.js';
import type { OrderStatus } from '../domain/order.entity.js';

/** The `order` table; properties are camelCase, columns snake_case (CamelCasePlugin). */
export interface OrderTable extends BaseTable {
  buyerId: number;
  status: OrderStatus;
  placedAt: DateTimeColumn;
  note: string | null;
  ownerId: number;
}

export type OrderRow = Selectable<OrderTable>;
export type NewOrderRow = Insertable<OrderTable>;
export type OrderRowUpdate = Updateable<OrderTable>;

declare module '../../_core/infrastructure/database.js' {
  interface Database {
    order: OrderTable;
  }
}
