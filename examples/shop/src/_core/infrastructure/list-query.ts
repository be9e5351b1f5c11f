import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type OrderByItemBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';

import type { FieldKind, FieldValue, Filter, SortKey } from '../domain/list.js';
import { toDbBoolean, toDbDateTime } from './column-values.js';
import type { Dialect } from './dialect.js';

/*
 * Filters, order and keyset position of a list as SQL, the same on every dialect. Tables are
 * known by name only at run time, so queries go through a schema-agnostic view of the row.
 */

type AnyRow = Record<string, unknown>;
type AnyQuery<O> = SelectQueryBuilder<Record<string, AnyRow>, string, O>;
type Where = ExpressionBuilder<Record<string, AnyRow>, string>;

/** The rows that pass every filter. */
export function whereMatches<O>(
  query: AnyQuery<O>,
  filters: readonly Filter[],
  dialect: Dialect,
): AnyQuery<O> {
  if (filters.length === 0) return query;
  return query.where((eb) => eb.and(filters.map((filter) => matches(eb, filter, dialect))));
}

/** In `sort` order; a nullable key puts its nulls first when ascending, as MySQL and SQLite do. */
export function orderedBy<O>(
  query: AnyQuery<O>,
  sort: readonly SortKey[],
  dialect: Dialect,
): AnyQuery<O> {
  return sort.reduce(
    (ordered, key) =>
      ordered.orderBy(column(key, dialect), (item: OrderByItemBuilder) => {
        const direction = key.descending ? item.desc() : item.asc();
        // PostgreSQL alone sorts nulls as the largest value; say where they go.
        if (!key.nullable || dialect !== 'postgres') return direction;
        return key.descending ? direction.nullsLast() : direction.nullsFirst();
      }),
    query,
  );
}

/**
 * The rows after the one whose sort values are `after`, in `sort` order: `(a, b, id) > (x, y, z)`
 * spelt out per key, since keys may differ in direction and hold nulls.
 */
export function whereAfter<O>(
  query: AnyQuery<O>,
  sort: readonly SortKey[],
  after: ReadonlyArray<FieldValue | null>,
  dialect: Dialect,
): AnyQuery<O> {
  return query.where((eb) =>
    eb.or(
      sort.map((key, index) =>
        eb.and([
          ...sort.slice(0, index).map((tied, at) => equal(eb, tied, after[at] ?? null, dialect)),
          beyond(eb, key, after[index] ?? null, dialect),
        ]),
      ),
    ),
  );
}

const COMPARISONS = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function matches(eb: Where, filter: Filter, dialect: Dialect): Expression<SqlBool> {
  const ref = column(filter, dialect);
  const { operator, value } = filter;
  switch (operator) {
    case 'in':
      return eb(
        ref,
        'in',
        (value as readonly FieldValue[]).map((one) => toDb(filter.kind, one, dialect)),
      );
    case 'isNull':
      return eb(ref, value ? 'is' : 'is not', null);
    case 'contains':
      return like(ref, `%${escapeLike(value as string)}%`, dialect);
    case 'startsWith':
      return like(ref, `${escapeLike(value as string)}%`, dialect);
    default:
      return eb(ref, COMPARISONS[operator], toDb(filter.kind, value as FieldValue, dialect));
  }
}

function equal(eb: Where, key: SortKey, value: FieldValue | null, dialect: Dialect) {
  const ref = column(key, dialect);
  return value === null ? eb(ref, 'is', null) : eb(ref, '=', toDb(key.kind, value, dialect));
}

/** Strictly after `value` in the key's direction, nulls being the smallest value. */
function beyond(eb: Where, key: SortKey, value: FieldValue | null, dialect: Dialect) {
  const ref = column(key, dialect);
  if (value === null) return key.descending ? eb.lit(false) : eb(ref, 'is not', null);
  const bound = toDb(key.kind, value, dialect);
  if (!key.descending) return eb(ref, '>', bound);
  return key.nullable ? eb.or([eb(ref, '<', bound), eb(ref, 'is', null)]) : eb(ref, '<', bound);
}

/**
 * ASCII letters match in either case everywhere: SQLite's LIKE and MySQL's default collations
 * already ignore case, PostgreSQL needs ILIKE. `!` escapes, as `\` means different things in
 * the three dialects' string literals.
 */
function like(ref: Expression<unknown>, pattern: string, dialect: Dialect): Expression<SqlBool> {
  const operator = dialect === 'postgres' ? sql`ilike` : sql`like`;
  return sql<SqlBool>`${ref} ${operator} ${pattern} escape '!'`;
}

/** `%` and `_` in a value are matched as themselves. */
function escapeLike(value: string): string {
  return value.replace(/[!%_]/g, '!$&');
}

/**
 * SQLite stores decimals as exact text, which would compare as text ('9' > '10'); they compare
 * as numbers there, exact to 15 significant digits.
 */
function column(key: { field: string; kind: FieldKind }, dialect: Dialect): Expression<unknown> {
  const ref = sql.ref(key.field);
  return key.kind === 'decimal' && dialect === 'sqlite' ? sql`cast(${ref} as real)` : ref;
}

/** A value as the column stores it (column-values.ts): what a write of it would store. */
function toDb(kind: FieldKind, value: FieldValue, dialect: Dialect): FieldValue {
  switch (kind) {
    case 'boolean':
      return toDbBoolean(value as boolean);
    case 'datetime':
      return toDbDateTime(value as string);
    case 'decimal':
      return dialect === 'sqlite' ? Number(value) : value;
    default:
      return value;
  }
}
