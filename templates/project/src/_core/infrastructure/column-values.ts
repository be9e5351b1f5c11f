/*
 * Conversions between entity values and what each driver binds and returns.
 * Writes use forms both databases accept; reads accept either driver's form:
 * SQLite binds no booleans or Dates and returns integers and text, mysql2 returns
 * DATETIME as a Date (UTC, `timezone: 'Z'`), DATE as text and big numbers as text.
 */

export function toDbBoolean(value: boolean): number {
  return value ? 1 : 0;
}

export function fromDbBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 1n;
}

/** `YYYY-MM-DD` stays text on both databases. */
export function toDbDate(value: string): string {
  return value;
}

export function fromDbDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/** ISO 8601 with `Z` → `YYYY-MM-DD HH:MM:SS.mmm` in UTC, which sorts as text and fits DATETIME(3). */
export function toDbDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

export function fromDbDateTime(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value).replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`).toISOString();
}

/** Decimals and bigints travel as strings so no digit is lost. */
export function fromDbDecimal(value: unknown): string {
  return String(value);
}

export function fromDbBigint(value: unknown): string {
  return String(value);
}

/** Applies a conversion unless the value is `null` (or `undefined`, meaning "not set"). */
export function nullable<T, R>(convert: (value: T) => R) {
  return (value: T | null | undefined): R | null | undefined => {
    if (value === null) return null;
    if (value === undefined) return undefined;
    return convert(value);
  };
}
