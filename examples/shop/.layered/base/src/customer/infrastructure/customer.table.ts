import type { Insertable, Selectable, Updateable } from 'kysely';

import type { BooleanColumn } from '../../_core/infrastructure/column-types.js';
import type { BaseTable } from '../../_core/infrastructure/kysely-repository.js';

/** The `customer` table; properties are camelCase, columns snake_case (CamelCasePlugin). */
export interface CustomerTable extends BaseTable {
  email: string;
  name: string;
  vip: BooleanColumn;
  externalId: string | null;
}

export type CustomerRow = Selectable<CustomerTable>;
export type NewCustomerRow = Insertable<CustomerTable>;
export type CustomerRowUpdate = Updateable<CustomerTable>;

declare module '../../_core/infrastructure/database.js' {
  interface Database {
    customer: CustomerTable;
  }
}
