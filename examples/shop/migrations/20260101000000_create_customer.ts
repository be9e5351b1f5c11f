import type { Kysely } from 'kysely';

import { idColumn, timestampColumns } from '../src/_core/infrastructure/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer')
    .$call(idColumn)
    .addColumn('email', 'varchar(254)', (col) => col.notNull().unique())
    .addColumn('name', 'varchar(120)', (col) => col.notNull())
    .addColumn('vip', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('external_id', 'char(36)')
    .$call(timestampColumns)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer').execute();
}
