import type { Kysely } from 'kysely';

import {
  decimalType,
  idColumn,
  referenceColumn,
  timestampColumns,
} from '../src/_core/infrastructure/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('order_item')
    .$call(idColumn(db))
    .$call(referenceColumn('order_id', 'order', { notNull: true }))
    .$call(referenceColumn('product_id', 'product', { notNull: true }))
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('unit_price', decimalType(db, 18, 2), (col) => col.notNull())
    .$call(referenceColumn('owner_id', 'user', { notNull: true, onDelete: 'cascade' }))
    .$call(timestampColumns(db))
    .execute();
  await db.schema
    .createIndex('order_item_order_id_index')
    .on('order_item')
    .column('order_id')
    .execute();
  await db.schema
    .createIndex('order_item_product_id_index')
    .on('order_item')
    .column('product_id')
    .execute();
  await db.schema
    .createIndex('order_item_owner_id_index')
    .on('order_item')
    .column('owner_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_item').execute();
}
