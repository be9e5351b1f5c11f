import type { Kysely } from 'kysely';

import { dialectOf } from '../src/_core/infrastructure/dialect.js';
import { textType } from '../src/_core/infrastructure/schema.js';

/**
 * The outbox the repositories write events to, and the marks of handled events. The outbox is
 * written by every write of the API, so it carries no index but its key: event ids are random
 * UUIDs, unique without one. On SQLite its key is the plain rowid (a new row still sorts after
 * every row present); AUTOINCREMENT would add a write to `sqlite_sequence` to each insert.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', (col) => {
      if (dialect === 'postgres') return col.primaryKey().generatedByDefaultAsIdentity();
      return dialect === 'mysql' ? col.primaryKey().autoIncrement() : col.primaryKey();
    })
    .addColumn('event_id', 'char(36)', (col) => col.notNull())
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
