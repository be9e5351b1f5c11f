import {
  sql,
  type ColumnDataType,
  type CreateTableBuilder,
  type Expression,
  type Kysely,
  type RawBuilder,
} from 'kysely';

import { dialectOf } from './dialect.js';
import { identifier } from './schema.js';

/*
 * The statements `layered change` migrations are made of, each reading the same on every
 * database. SQLite changes anything but an index by rebuilding the table
 * (`rebuildTable`); MySQL and PostgreSQL alter the column in place.
 */

/** A value a migration writes into existing rows: a literal, or the database's current time. */
export type FillValue = string | number | boolean | { now: 'date' | 'datetime' };

export interface TableRebuild {
  /** The whole new table, the same calls a create migration makes. */
  define: (table: CreateTableBuilder<string, never>) => CreateTableBuilder<string, string>;
  /**
   * Each column of the new table and what fills it: the old column of that name (renamed or
   * not), or an expression over the old row (a conversion, a back-fill).
   */
  columns: Record<string, string | RawBuilder<unknown>>;
  /** The new table's indexes (SQLite drops a table's indexes with it). */
  indexes: Array<{ name: string; column: string }>;
}

/**
 * SQLite's documented way to make any other schema change (sqlite.org/lang_altertable.html,
 * "Making Other Kinds Of Table Schema Changes"): with foreign keys off, in one transaction,
 * create the new table, copy the rows, drop the old table, rename the new one into its place,
 * re-create the indexes, and check every foreign key before committing. Tables that refer to
 * this one keep referring to it by name, so they need no change.
 */
export async function rebuildTable(
  db: Kysely<unknown>,
  table: string,
  rebuild: TableRebuild,
): Promise<void> {
  const staging = `${table}__rebuild`;
  // Foreign keys can only be switched off outside a transaction; Kysely runs SQLite migrations
  // outside one, so the rebuild opens its own.
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await rebuild.define(trx.schema.createTable(staging)).execute();
      const targets = Object.keys(rebuild.columns).map((column) => sql.ref(column));
      const sources = Object.values(rebuild.columns).map((source) =>
        typeof source === 'string' ? sql.ref(source) : source,
      );
      const into = sql`insert into ${sql.table(staging)} (${sql.join(targets)})`;
      await sql`${into} select ${sql.join(sources)} from ${sql.table(table)}`.execute(trx);
      await trx.schema.dropTable(table).execute();
      await trx.schema.alterTable(staging).renameTo(table).execute();
      for (const index of rebuild.indexes) {
        await trx.schema.createIndex(index.name).on(table).column(index.column).execute();
      }
      const broken = await sql`PRAGMA foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) {
        throw new Error(
          `Rebuilding ${table} would break ${broken.rows.length} foreign key(s): ${JSON.stringify(broken.rows.slice(0, 3))}`,
        );
      }
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

/** Changes a column's type, nullability and default, keeping its values. */
export async function alterColumn(
  db: Kysely<unknown>,
  table: string,
  column: string,
  type: ColumnDataType | Expression<unknown>,
  options: { notNull: boolean; default?: string | number | boolean },
): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    // The old default may not convert to the new type, and PostgreSQL converts only what it
    // is told how to: drop the default, convert the values, then set the rest.
    const alter = () => db.schema.alterTable(table);
    const dataType = typeof type === 'string' ? sql.raw(type) : type;
    await alter()
      .alterColumn(column, (col) => col.dropDefault())
      .execute();
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type ${dataType} using ${sql.ref(column)}::${dataType}`.execute(
      db,
    );
    await alter()
      .alterColumn(column, (col) => (options.notNull ? col.setNotNull() : col.dropNotNull()))
      .execute();
    if (options.default !== undefined) {
      const fallback = options.default;
      await alter()
        .alterColumn(column, (col) => col.setDefault(fallback))
        .execute();
    }
    return;
  }
  await db.schema
    .alterTable(table)
    .modifyColumn(column, type, (col) => {
      const required = options.notNull ? col.notNull() : col;
      return options.default === undefined ? required : required.defaultTo(options.default);
    })
    .execute();
}

/** Writes `value` into every row where the column is NULL (before it becomes required). */
export async function fillNulls(
  db: Kysely<unknown>,
  table: string,
  column: string,
  value: FillValue,
): Promise<void> {
  await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${fillExpression(db, value)} where ${sql.ref(column)} is null`.execute(
    db,
  );
}

function fillExpression(db: Kysely<unknown>, value: FillValue) {
  const dialect = dialectOf(db);
  // PostgreSQL's boolean takes no integer; MySQL's (TINYINT) and SQLite's take 1 and 0.
  if (typeof value === 'boolean')
    return dialect === 'postgres' ? sql.lit(value) : sql.lit(value ? 1 : 0);
  if (typeof value !== 'object') return sql.val(value);
  if (dialect === 'sqlite')
    return value.now === 'date' ? sql`date('now')` : sql`strftime('%Y-%m-%d %H:%M:%f', 'now')`;
  if (dialect === 'postgres') return value.now === 'date' ? sql`current_date` : sql`now()`;
  return value.now === 'date' ? sql`utc_date()` : sql`utc_timestamp(3)`;
}

/** Adds an integer column referring to another table's `id`, with a named foreign key. */
export async function addReference(
  db: Kysely<unknown>,
  table: string,
  column: string,
  references: string,
): Promise<void> {
  await db.schema.alterTable(table).addColumn(column, 'integer').execute();
  await db.schema
    .alterTable(table)
    .addForeignKeyConstraint(identifier(table, column, 'fk'), [column], references, ['id'], (fk) =>
      fk.onDelete('restrict'),
    )
    .execute();
}

/** Drops a column and, first, any foreign key on it (MySQL refuses to drop a column in one). */
export async function dropColumn(
  db: Kysely<unknown>,
  table: string,
  column: string,
): Promise<void> {
  if (dialectOf(db) === 'mysql') {
    for (const name of await constraintNames(db, table, column, 'FOREIGN KEY')) {
      await sql`alter table ${sql.table(table)} drop foreign key ${sql.ref(name)}`.execute(db);
    }
  }
  await db.schema.alterTable(table).dropColumn(column).execute();
}

/** Adds a unique index on the column. */
export async function addUnique(db: Kysely<unknown>, table: string, column: string): Promise<void> {
  await db.schema
    .createIndex(identifier(table, column, 'unique'))
    .unique()
    .on(table)
    .column(column)
    .execute();
}

/**
 * Removes the column's unique constraint, whatever made it: a create migration's inline
 * UNIQUE gets a name the database chose, so it is looked up rather than assumed.
 */
export async function dropUnique(
  db: Kysely<unknown>,
  table: string,
  column: string,
): Promise<void> {
  const dialect = dialectOf(db);
  if (dialect === 'mysql') {
    for (const name of await uniqueIndexNames(db, table, column)) {
      await sql`alter table ${sql.table(table)} drop index ${sql.ref(name)}`.execute(db);
    }
    return;
  }
  if (dialect === 'postgres') {
    for (const name of await constraintNames(db, table, column, 'UNIQUE')) {
      await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)}`.execute(db);
    }
    await sql`drop index if exists ${sql.ref(identifier(table, column, 'unique'))}`.execute(db);
    return;
  }
  throw new Error('SQLite drops a unique constraint by rebuilding the table (rebuildTable).');
}

/** Drops an index (MySQL names the table too; SQLite and PostgreSQL must not). */
export async function dropIndex(db: Kysely<unknown>, table: string, name: string): Promise<void> {
  const drop = db.schema.dropIndex(name);
  await (dialectOf(db) === 'mysql' ? drop.on(table) : drop).execute();
}

/** Renames an index (a renamed column's index keeps its name otherwise). */
export async function renameIndex(
  db: Kysely<unknown>,
  table: string,
  from: string,
  to: string,
): Promise<void> {
  if (dialectOf(db) === 'mysql') {
    await sql`alter table ${sql.table(table)} rename index ${sql.ref(from)} to ${sql.ref(to)}`.execute(
      db,
    );
  } else {
    await sql`alter index ${sql.ref(from)} rename to ${sql.ref(to)}`.execute(db);
  }
}

async function constraintNames(
  db: Kysely<unknown>,
  table: string,
  column: string,
  kind: 'FOREIGN KEY' | 'UNIQUE',
): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select tc.constraint_name as name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name and kcu.table_schema = tc.table_schema
    where tc.table_schema = ${schemaOf(db)} and tc.table_name = ${table} and kcu.column_name = ${column} and tc.constraint_type = ${kind}
  `.execute(db);
  return rows.map((row) => row.name);
}

async function uniqueIndexNames(
  db: Kysely<unknown>,
  table: string,
  column: string,
): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select distinct index_name as name from information_schema.statistics
    where table_schema = database() and table_name = ${table} and column_name = ${column} and non_unique = 0 and index_name <> 'PRIMARY'
  `.execute(db);
  return rows.map((row) => row.name);
}

function schemaOf(db: Kysely<unknown>) {
  return dialectOf(db) === 'postgres' ? sql`current_schema()` : sql`database()`;
}
