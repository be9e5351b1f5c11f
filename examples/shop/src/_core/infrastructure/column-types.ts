import type { ColumnType } from 'kysely';

/*
 * Column types for Kysely table interfaces where the drivers disagree: what a select may
 * return on SQLite or MySQL, and the one form the repository writes (see column-values.ts).
 */

/** SQLite returns 0/1; MySQL's TINYINT(1) the same, as a number. */
export type BooleanColumn = ColumnType<number | boolean, number, number>;

/** Text on SQLite; mysql2 returns DATE as text (`dateStrings`) and DATETIME as a Date. */
export type DateColumn = ColumnType<string | Date, string, string>;
export type DateTimeColumn = ColumnType<string | Date, string, string>;

/** Exact text on both: SQLite stores text, mysql2 returns DECIMAL as a string. */
export type DecimalColumn = ColumnType<string | number, string, string>;

/** A number while exact, text beyond 2^53 (both drivers as configured in database.ts). */
export type BigintColumn = ColumnType<string | number, string, string>;
