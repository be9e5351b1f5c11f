import type { Kysely } from 'kysely';

import { idColumn, textType } from '../src/_core/infrastructure/schema.js';

/** The outbox the repositories write events to, and the marks of handled events. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .$call(idColumn(db))
    .addColumn('event_id', 'char(36)', (col) => col.notNull().unique())
    .addColumn('type', 'varchar(120)', (col) => col.notNull())
    .addColumn('aggregate_id', 'integer', (col) => col.notNull())
    .addColumn('occurred_at', 'varchar(30)', (col) => col.notNull())
    .addColumn('payload', textType(db), (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('processed_event')
    .addColumn('consumer', 'varchar(120)', (col) => col.notNull())
    .addColumn('event_id', 'char(36)', (col) => col.notNull())
    .addColumn('processed_at', 'varchar(30)', (col) => col.notNull())
    .addPrimaryKeyConstraint('processed_event_pk', ['consumer', 'event_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('processed_event').execute();
  await db.schema.dropTable('outbox').execute();
}
