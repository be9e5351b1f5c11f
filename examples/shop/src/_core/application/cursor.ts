import { createHash } from 'node:crypto';

import type { Entity } from '../domain/entity.js';
import { ValidationError } from '../domain/errors.js';
import type { FieldKind, FieldValue, ListCriteria } from '../domain/list.js';

/*
 * A keyset cursor: the sort values of the last row a client saw, as base64url JSON, then a
 * checksum over those values and the filters and sort they were read under. An edited cursor,
 * or one sent with other filters or another sort, fails the checksum and is refused. The
 * checksum is not keyed: a cursor only positions a list the caller may read whole anyway, so a
 * secret would protect nothing, and without one cursors outlive restarts and work on every
 * instance behind a balancer.
 */

/** The cursor that continues `criteria` after `item`. */
export function encodeCursor(criteria: ListCriteria, item: Entity): string {
  const row = item as unknown as Readonly<Record<string, unknown>>;
  const payload = JSON.stringify(criteria.sort.map((key) => row[key.field] ?? null));
  return `${Buffer.from(payload).toString('base64url')}.${checksum(criteria, payload)}`;
}

/** The sort values `cursor` holds; a 422 on `after` when `encodeCursor` did not make it for `criteria`. */
export function readCursor(cursor: string, criteria: ListCriteria): Array<FieldValue | null> {
  const values = openCursor(cursor, criteria);
  if (!values) {
    throw new ValidationError([
      {
        pointer: '/after',
        message:
          'This cursor is not valid here: send the nextCursor of the previous page unchanged, with the same filters and sort.',
      },
    ]);
  }
  return values;
}

function openCursor(cursor: string, criteria: ListCriteria): Array<FieldValue | null> | undefined {
  const [encoded, sum, ...rest] = cursor.split('.');
  if (!encoded || !sum || rest.length > 0) return undefined;
  const payload = Buffer.from(encoded, 'base64url').toString();
  if (sum !== checksum(criteria, payload)) return undefined;
  const values: unknown = JSON.parse(payload);
  if (!Array.isArray(values) || values.length !== criteria.sort.length) return undefined;
  // A checksum can be recomputed by hand: the values must still be of their keys' kinds.
  const fit = criteria.sort.every((key, index) =>
    values[index] === null ? key.nullable : isValueOf(key.kind, values[index]),
  );
  return fit ? (values as Array<FieldValue | null>) : undefined;
}

function checksum({ filters, sort }: ListCriteria, payload: string): string {
  const asked = JSON.stringify([
    filters.map(({ field, operator, value }) => [field, operator, value]),
    sort.map(({ field, descending }) => [field, descending]),
  ]);
  return createHash('sha256').update(`${asked}\n${payload}`).digest('base64url').slice(0, 22);
}

const FORMATS: Partial<Record<FieldKind, RegExp>> = {
  bigint: /^-?\d{1,19}$/,
  decimal: /^-?\d{1,38}(\.\d{1,38})?$/,
  date: /^\d{4}-\d\d-\d\d$/,
  datetime: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
  uuid: /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/,
};

function isValueOf(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case 'id':
    case 'int':
      return Number.isSafeInteger(value);
    case 'float':
      return Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default: {
      const format = FORMATS[kind];
      return typeof value === 'string' && (!format || format.test(value));
    }
  }
}
