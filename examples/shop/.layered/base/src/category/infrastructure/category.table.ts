import type { Insertable, Selectable, Updateable } from 'kysely';

import type { BaseTable } from '../../_core/infrastructure/kysely-repository.js';

/** The `category` table; properties are camelCase, columns snake_case (CamelCasePlugin). */
export interface CategoryTable extends BaseTable {
  name: string;
  description: string | null;
  parentId: number | null;
}

export type CategoryRow = Selectable<CategoryTable>;
export type NewCategoryRow = Insertable<CategoryTable>;
export type CategoryRowUpdate = Updateable<CategoryTable>;

declare module '../../_core/infrastructure/database.js' {
  interface Database {
    category: CategoryTable;
  }
}
