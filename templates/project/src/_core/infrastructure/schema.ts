import type { CreateTableBuilder } from 'kysely';

/*
 * Column helpers that read the same on SQLite and MySQL, so domain migrations stay short:
 *
 *   await db.schema
 *     .createTable('product')
 *     .$call(idColumn)
 *     .addColumn('name', 'varchar(200)', (col) => col.notNull())
 *     .$call(timestampColumns)
 *     .execute();
 */

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

/** An integer column for a reference to another table's `id`. */
export function referenceColumn<T extends string, C extends string>(
  column: string,
  references: string,
  onDelete: 'restrict' | 'cascade' | 'set null' = 'restrict',
) {
  return (table: CreateTableBuilder<T, C>) =>
    table.addColumn(column, 'integer', (col) =>
      col.references(`${references}.id`).onDelete(onDelete),
    );
}
