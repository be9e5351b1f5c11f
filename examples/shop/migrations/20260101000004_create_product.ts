import type { Kysely } from 'kysely';

import {
  decimalType,
  idColumn,
  jsonType,
  referenceColumn,
  timestampColumns,
} from '../src/_core/infrastructure/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('product')
    .$call(idColumn(db))
    .addColumn('name', 'varchar(120)', (col) => col.notNull())
    .addColumn('sku', 'varchar(32)', (col) => col.notNull().unique())
    .addColumn('price', decimalType(db, 18, 2), (col) => col.notNull())
    .addColumn('stock', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('weight', 'double precision')
    .addColumn('views', 'bigint', (col) => col.notNull().defaultTo('0'))
    .addColumn('released_on', 'date')
    .addColumn('attributes', jsonType(db))
    .$call(referenceColumn('category_id', 'category', { notNull: true }))
    .$call(timestampColumns(db))
    .execute();
  await db.schema
    .createIndex('product_category_id_index')
    .on('product')
    .column('category_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('product').execute();
}
