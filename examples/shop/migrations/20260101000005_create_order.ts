import type { Kysely } from 'kysely';

import {
  dateTimeType,
  idColumn,
  referenceColumn,
  textType,
  timestampColumns,
} from '../src/_core/infrastructure/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('order')
    .$call(idColumn(db))
    .$call(referenceColumn('buyer_id', 'customer', { notNull: true }))
    .addColumn('status', 'varchar(32)', (col) => col.notNull().defaultTo('open'))
    .addColumn('placed_at', dateTimeType(db), (col) => col.notNull())
    .addColumn('note', textType(db))
    .$call(referenceColumn('owner_id', 'user', { notNull: true, onDelete: 'cascade' }))
    .$call(timestampColumns(db))
    .execute();
  await db.schema.createIndex('order_buyer_id_index').on('order').column('buyer_id').execute();
  await db.schema.createIndex('order_owner_id_index').on('order').column('owner_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order').execute();
}
