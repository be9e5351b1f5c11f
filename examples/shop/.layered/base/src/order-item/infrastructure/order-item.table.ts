import type { Insertable, Selectable, Updateable } from 'kysely';

import type { DecimalColumn } from '../../_core/infrastructure/column-types.js';
import type { BaseTable } from '../../_core/infrastructure/kysely-repository.js';

/** The `order_item` table; properties are camelCase, columns snake_case (CamelCasePlugin). */
export interface OrderItemTable extends BaseTable {
  orderId: number;
  productId: number;
  quantity: number;
  unitPrice: DecimalColumn;
  ownerId: number;
}

export type OrderItemRow = Selectable<OrderItemTable>;
export type NewOrderItemRow = Insertable<OrderItemTable>;
export type OrderItemRowUpdate = Updateable<OrderItemTable>;

declare module '../../_core/infrastructure/database.js' {
  interface Database {
    order_item: OrderItemTable;
  }
}
