import { createHash } from 'node:crypto';

import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

import { dialectOf } from './dialect.js';

/*
 * Column helpers that read the same on SQLite and MySQL, so domain migrations stay short:
 *
 *   await db.schema
 *     .createTable('product')
 *     .$call(idColumn)
 *     .addColumn('name', 'varchar(200)', (col) => col.notNull())
 *     .$call(referenceColumn('category_id', 'category', { notNull: true }))
 *     .$call(timestampColumns)
 *     .execute();
 */

/** MySQL's identifier limit; index and constraint names embed table and column names. */
const MAX_IDENTIFIER = 64;

/** `id integer primary key` with the dialect's autoincrement. */
export function idColumn<T extends string>(table: CreateTableBuilder<T, never>) {
  return table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement().notNull());
}

/** DATETIME(3) on MySQL; SQLite stores the same `YYYY-MM-DD HH:MM:SS.mmm` text. */
export function timestampColumns<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
) {
  return table
    .addColumn('created_at', 'datetime(3)', (col) => col.notNull())
    .addColumn('updated_at', 'datetime(3)', (col) => col.notNull());
}

export interface ReferenceOptions {
  notNull?: boolean;
  onDelete?: 'restrict' | 'cascade' | 'set null';
}

/**
 * An integer column referring to another table's `id`, with a named table-level foreign key:
 * MySQL ignores a `REFERENCES` clause written inline on the column.
 */
export function referenceColumn(
  column: string,
  references: string,
  options: ReferenceOptions = {},
) {
  const { notNull = false, onDelete = 'restrict' } = options;
  return <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
    table
      .addColumn(column, 'integer', (col) => (notNull ? col.notNull() : col))
      .addForeignKeyConstraint(
        identifier(tableName(table), column, 'fk'),
        [column as C],
        references,
        ['id'],
        (fk) => fk.onDelete(onDelete),
      );
}

/**
 * DECIMAL(p, s) on MySQL. SQLite would give a DECIMAL column NUMERIC affinity and keep the
 * value as a float, losing digits; there the exact text is stored instead.
 */
export function decimalType(db: Kysely<unknown>, precision: number, scale: number) {
  return dialectOf(db) === 'sqlite' ? ('text' as const) : (`decimal(${precision}, ${scale})` as const);
}

/**
 * MEDIUMTEXT: MySQL's TEXT stops at 64 KiB, under the request body limit, so a valid request
 * could fail in the database. SQLite reads the type as TEXT.
 */
export const longText = sql`mediumtext`;

/** A name for an index or constraint, `<table>_<column>_<suffix>`, shortened to fit MySQL. */
export function identifier(table: string, column: string, suffix: string): string {
  const name = `${table}_${column}_${suffix}`;
  if (name.length <= MAX_IDENTIFIER) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER - hash.length - suffix.length - 2)}_${hash}_${suffix}`;
}

function tableName(table: CreateTableBuilder<string, string>): string {
  return table.toOperationNode().table.table.identifier.name;
}
