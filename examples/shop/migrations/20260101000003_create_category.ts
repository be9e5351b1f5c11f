import type { Kysely } from 'kysely';

import {
  idColumn,
  referenceColumn,
  textType,
  timestampColumns,
} from '../src/_core/infrastructure/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('category')
    .$call(idColumn(db))
    .addColumn('name', 'varchar(80)', (col) => col.notNull().unique())
    .addColumn('description', textType(db))
    .$call(referenceColumn('parent_id', 'category'))
    .$call(timestampColumns(db))
    .execute();
  await db.schema
    .createIndex('category_parent_id_index')
    .on('category')
    .column('parent_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('category').execute();
}
