import { normaliseDecimal } from '../domain/decimal.js';
import type { JsonValue } from '../domain/entity.js';

/*
 * Conversions between entity values and what each driver binds and returns.
 * Writes use forms every database accepts; reads accept each driver's form:
 * SQLite binds no booleans or Dates and returns integers and text, mysql2 returns
 * DATETIME as a Date (UTC, `timezone: 'Z'`), DATE as text and big numbers as text, pg
 * returns TIMESTAMPTZ as a Date, booleans as booleans, and (as database.ts sets it up)
 * DATE and JSON as text, BIGINT and NUMERIC as text.
 *
 * Each conversion passes `null` (a cleared column) and `undefined` (not set) through,
 * so one call serves inserts, partial updates and nullable columns alike.
 */

type Lifted<T, A extends unknown[], R> = {
  (value: T, ...args: A): R;
  (value: T | null, ...args: A): R | null;
  (value: T | undefined, ...args: A): R | undefined;
  (value: T | null | undefined, ...args: A): R | null | undefined;
};

function lift<T, A extends unknown[], R>(convert: (value: T, ...args: A) => R): Lifted<T, A, R> {
  return ((value: T | null | undefined, ...args: A) =>
    value === null || value === undefined ? value : convert(value, ...args)) as Lifted<T, A, R>;
}

export const toDbBoolean = lift((value: boolean): number => (value ? 1 : 0));

export const fromDbBoolean = lift(
  (value: number | boolean | string): boolean => value === true || Number(value) === 1,
);

/** `YYYY-MM-DD` stays text on every database. */
export const toDbDate = lift((value: string): string => value);

export const fromDbDate = lift((value: string | Date): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10),
);

/** ISO 8601 with `Z` → `YYYY-MM-DD HH:MM:SS.mmm` in UTC, which sorts as text and fits DATETIME(3). */
export const toDbDateTime = lift((value: string | Date): string => {
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toISOString().replace('T', ' ').replace('Z', '');
});

/** What `toDbDateTime` writes: read back by moving two characters, without a Date (lists read many). */
const DB_DATE_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;

export const fromDbDateTime = lift((value: string | Date): string => {
  if (value instanceof Date) return value.toISOString();
  if (DB_DATE_TIME.test(value)) return `${value.slice(0, 10)}T${value.slice(11)}Z`;
  const text = value.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`).toISOString();
});

/** Decimals travel as strings with exactly `scale` fraction digits, never through a float. */
export const toDbDecimal = lift((value: string, scale: number): string =>
  normaliseDecimal(value, scale),
);

export const fromDbDecimal = lift((value: string | number, scale: number): string =>
  normaliseDecimal(String(value), scale),
);

/** Bigints are strings: mysql2 and pg answer text, SQLite a number or (past 2^53) text. */
export const toDbBigint = lift((value: string): string => BigInt(value).toString());

export const fromDbBigint = lift((value: string | number | bigint): string =>
  BigInt(value).toString(),
);

/** JSON is written as its text and read back from text (PostgreSQL's JSONB takes the text too). */
export const toDbJson = lift((value: JsonValue): string => JSON.stringify(value));

export const fromDbJson = lift((value: string): JsonValue => JSON.parse(value) as JsonValue);
