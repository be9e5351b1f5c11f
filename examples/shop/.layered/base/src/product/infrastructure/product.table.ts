import type { Insertable, Selectable, Updateable } from 'kysely';

import type {
  BigintColumn,
  BooleanColumn,
  DateColumn,
  DecimalColumn,
} from '../../_core/infrastructure/column-types.js';
import type { BaseTable } from '../../_core/infrastructure/kysely-repository.js';

/** The `product` table; properties are camelCase, columns snake_case (CamelCasePlugin). */
export interface ProductTable extends BaseTable {
  name: string;
  sku: string;
  price: DecimalColumn;
  stock: number;
  weight: number | null;
  views: BigintColumn;
  releasedOn: DateColumn | null;
  attributes: string | null;
  categoryId: number;
  discontinued: BooleanColumn;
}

export type ProductRow = Selectable<ProductTable>;
export type NewProductRow = Insertable<ProductTable>;
export type ProductRowUpdate = Updateable<ProductTable>;

declare module '../../_core/infrastructure/database.js' {
  interface Database {
    product: ProductTable;
  }
}
