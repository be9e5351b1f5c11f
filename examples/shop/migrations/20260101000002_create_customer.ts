import type { Kysely } from 'kysely';

import { idColumn, timestampColumns, uuidType } from '../src/_core/infrastructure/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer')
    .$call(idColumn(db))
    .addColumn('email', 'varchar(254)', (col) => col.notNull().unique())
    .addColumn('name', 'varchar(120)', (col) => col.notNull())
    .addColumn('vip', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('external_id', uuidType(db))
    .$call(timestampColumns(db))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer').execute();
}
