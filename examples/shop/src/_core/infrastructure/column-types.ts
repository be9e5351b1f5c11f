import type { ColumnType } from 'kysely';

/*
 * Column types for Kysely table interfaces where the drivers disagree: what a select may
 * return on SQLite, MySQL or PostgreSQL, and the one form the repository writes (see
 * column-values.ts).
 */

/** SQLite returns 0/1; MySQL's TINYINT(1) the same, as a number; PostgreSQL true/false. */
export type BooleanColumn = ColumnType<number | boolean, number, number>;

/** Text on SQLite; mysql2 and pg return DATE as text and DATETIME / TIMESTAMPTZ as a Date. */
export type DateColumn = ColumnType<string | Date, string, string>;
export type DateTimeColumn = ColumnType<string | Date, string, string>;

/** Exact text on all three: SQLite stores text, mysql2 and pg return DECIMAL / NUMERIC as a string. */
export type DecimalColumn = ColumnType<string | number, string, string>;

/** A number while exact, text beyond 2^53 (SQLite as configured in database.ts); always text from mysql2 and pg. */
export type BigintColumn = ColumnType<string | number, string, string>;
