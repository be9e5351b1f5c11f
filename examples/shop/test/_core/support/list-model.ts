import type {
  FieldKind,
  FieldValue,
  Filter,
  ListCriteria,
  SortKey,
} from '../../../src/_core/domain/list.js';

/*
 * What a list means, in plain TypeScript: the in-memory repository lists with it and HTTP
 * tests compute the rows they expect from it. Strings compare by code unit, which is what the
 * databases do for the single-case ASCII values tests sort on.
 */

type Row = object;
type Value = FieldValue | null;

const read = (row: Row, field: string) => (row as Record<string, Value>)[field] ?? null;

/** Whether `row` passes `filter`. */
export function passes(row: Row, { field, kind, operator, value }: Filter): boolean {
  const actual = read(row, field);
  if (operator === 'isNull') return (actual === null) === value;
  if (actual === null) return false;
  const order = () => compareValues(kind, actual, value as FieldValue);
  switch (operator) {
    case 'eq':
      return order() === 0;
    case 'ne':
      return order() !== 0;
    case 'gt':
      return order() > 0;
    case 'gte':
      return order() >= 0;
    case 'lt':
      return order() < 0;
    case 'lte':
      return order() <= 0;
    case 'in':
      return (value as FieldValue[]).some((one) => compareValues(kind, actual, one) === 0);
    case 'contains':
      return asciiLower(String(actual)).includes(asciiLower(String(value)));
    case 'startsWith':
      return asciiLower(String(actual)).startsWith(asciiLower(String(value)));
  }
}

/** Negative, zero or positive as `a` sorts before, with or after `b` under `sort`. */
export function compareRows(sort: readonly SortKey[], a: Row, b: Row): number {
  for (const key of sort) {
    const order = compareNullable(key.kind, read(a, key.field), read(b, key.field));
    if (order !== 0) return key.descending ? -order : order;
  }
  return 0;
}

/** The rows `criteria` lists, in order. */
export function listed<R extends Row>(rows: readonly R[], { filters, sort }: ListCriteria): R[] {
  return rows
    .filter((row) => filters.every((filter) => passes(row, filter)))
    .sort((a, b) => compareRows(sort, a, b));
}

/** Nulls first, as lists sort them ascending. */
function compareNullable(kind: FieldKind, a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareValues(kind, a, b);
}

function compareValues(kind: FieldKind, a: FieldValue, b: FieldValue): number {
  switch (kind) {
    case 'bigint': {
      const [x, y] = [BigInt(a as string), BigInt(b as string)];
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'decimal':
      return Number(a) - Number(b);
    case 'id':
    case 'int':
    case 'float':
      return (a as number) - (b as number);
    case 'boolean':
      return Number(a) - Number(b);
    default:
      return a < b ? -1 : a > b ? 1 : 0;
  }
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
