import type { Kysely } from 'kysely';

import {
  dateTimeType,
  idColumn,
  referenceColumn,
  timestampColumns,
} from '../src/_core/infrastructure/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user')
    .$call(idColumn(db))
    .addColumn('email', 'varchar(254)', (col) => col.notNull().unique())
    // A PHC string: `$scrypt$ln=17,r=8,p=1$<salt>$<hash>`, with room for a stronger cost.
    .addColumn('password_hash', 'varchar(255)', (col) => col.notNull())
    .addColumn('role', 'varchar(16)', (col) => col.notNull().defaultTo('user'))
    .$call(timestampColumns(db))
    .execute();
  await db.schema
    .createTable('refresh_token')
    .$call(idColumn(db))
    .$call(referenceColumn('user_id', 'user', { notNull: true, onDelete: 'cascade' }))
    .addColumn('family', 'varchar(36)', (col) => col.notNull())
    .addColumn('token_hash', 'char(64)', (col) => col.notNull().unique())
    .addColumn('expires_at', dateTimeType(db), (col) => col.notNull())
    .addColumn('used_at', dateTimeType(db))
    .addColumn('revoked_at', dateTimeType(db))
    .addColumn('created_at', dateTimeType(db), (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('refresh_token_family_index')
    .on('refresh_token')
    .column('family')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('refresh_token').execute();
  await db.schema.dropTable('user').execute();
}
