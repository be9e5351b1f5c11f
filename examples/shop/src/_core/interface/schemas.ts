import { z } from '@hono/zod-openapi';

import type { ByIdsEnvelope, Envelope } from '../application/envelope.js';
import type { PageMeta, SliceMeta } from '../application/pagination.js';
import { normaliseDecimal } from '../domain/decimal.js';
import type { JsonValue } from '../domain/entity.js';
import { MAX_BATCH_SIZE } from '../domain/repository.js';

/*
 * Request and response pieces every domain's DTOs share. Inputs are normalised to the one
 * JSON form the API answers with: decimals and bigints as exact strings, datetimes in UTC
 * with `Z`, uuids in lower case.
 */

const MAX_INT = 2_147_483_647;
const MAX_BIGINT = 2n ** 63n - 1n;
// Fifteen digits at most: every such id is an exact JavaScript number.
const POSITIVE_INTEGER = /^[1-9]\d{0,14}$/;

export const positiveInteger = z
  .string()
  .regex(POSITIVE_INTEGER, { error: 'Expected a positive integer' })
  .transform(Number);

/**
 * Text of any length without U+0000, which PostgreSQL cannot store in a text column: refused on
 * every database alike, so the API does not depend on where it runs.
 */
export const textSchema = z.string().refine((value) => !value.includes('\u0000'), {
  error: 'Text must not contain the NUL character (U+0000)',
});

/** Text of at most `max` characters (a varchar), without U+0000. */
export function stringSchema(max: number) {
  return textSchema.max(max);
}

/** A 32-bit integer (MySQL INT). */
export const intSchema = z
  .number()
  .int()
  .min(-MAX_INT - 1)
  .max(MAX_INT);

/** A row id in a body, e.g. a ref field's `categoryId`. */
export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * A decimal with at most `precision - scale` digits before the point and `scale` after, as a
 * number or a numeric string; it becomes an exact string with `scale` fraction digits.
 */
export function decimalSchema(precision: number, scale: number) {
  const whole = precision - scale;
  const pattern = new RegExp(`^-?\\d{1,${whole}}(\\.\\d{1,${scale}})?$`);
  return z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim())
    .pipe(
      z.string().regex(pattern, {
        error: `Expected a decimal with at most ${whole} digits before the point and ${scale} after`,
      }),
    )
    .transform((value) => normaliseDecimal(value, scale));
}

/** A 64-bit integer as an exact string; a number is accepted while it is exact (below 2^53). */
export const bigintSchema = z
  .union([
    z.string().regex(/^-?\d{1,19}$/, { error: 'Expected a whole number' }),
    z.number().int().refine(Number.isSafeInteger, {
      error: 'Send integers beyond 2^53 as strings: as JSON numbers they have lost digits',
    }),
  ])
  .transform((value) => BigInt(value))
  .refine((value) => value >= -MAX_BIGINT - 1n && value <= MAX_BIGINT, {
    error: 'Expected a 64-bit integer',
  })
  .transform((value) => value.toString());

/** `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();

/** ISO 8601 with a zone (`Z` or `+02:00`); stored and answered in UTC with milliseconds. */
export const dateTimeSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

export const uuidSchema = z.uuid().transform((value) => value.toLowerCase());

/**
 * Any JSON value but `null` (which, as for every field, means "no value"). Typed, not
 * walked: a parsed request body holds nothing but JSON.
 */
export const jsonSchema = z
  .unknown()
  .refine((value) => value !== null && value !== undefined, { error: 'Expected a JSON value' })
  .refine((value) => !hasNul(value), {
    error: 'JSON must not contain the NUL character (U+0000)',
  })
  .openapi({ description: 'Any JSON value' }) as unknown as z.ZodType<JsonValue>;

/** Whether a parsed JSON value holds U+0000 in a string or a key (PostgreSQL's JSONB refuses it). */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, item]) => key.includes('\u0000') || hasNul(item));
  }
  return false;
}

/** Today in UTC, `YYYY-MM-DD`: the default of a date field declared `default=now`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The current time in UTC: the default of a datetime field declared `default=now`. */
export function now(): string {
  return new Date().toISOString();
}

/** Fields every entity answers with. */
export const entityFields = {
  id: z.number().int().openapi({ example: 1 }),
  createdAt: z.iso.datetime().openapi({ example: '2026-01-31T09:30:00.000Z' }),
  updatedAt: z.iso.datetime().openapi({ example: '2026-01-31T09:30:00.000Z' }),
};

/** `{id}` in a path: a positive integer, checked before any query. */
export const idParamsSchema = z.object({
  id: positiveInteger.openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
});

const pageMetaSchema = z
  .object({
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  })
  .openapi('PageMeta');

const sliceMetaSchema = z
  .object({
    limit: z.number().int(),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Send as `after` for the next slice' }),
  })
  .openapi('SliceMeta');

const missingMetaSchema = z
  .object({ missing: z.array(z.number().int()).openapi({ example: [2] }) })
  .openapi('MissingMeta');

/**
 * `schema`, typed by what it parses to: `T`, which what zod infers must match. Routes and
 * handlers then carry `T` (say `Product`) instead of zod's inferred object type, which the
 * type checker would otherwise rebuild for every route: this keeps the check of a domain
 * cheap (DESIGN.md, "Type-check cost stays linear").
 *
 * @example export const productSchema = schemaOf<Product>(z.object({ ... }).openapi('Product'));
 */
export function schemaOf<T>(schema: { _zod: { output: T } }): z.ZodType<T> {
  // Only the output is compared (`z.output` reads the same `_zod.output`): matching a whole
  // `ZodObject` against `ZodType` costs thousands of type instantiations per schema.
  return schema as unknown as z.ZodType<T>;
}

/** A request body of 1 to `MAX_BATCH_SIZE` items. */
export function batchSchema<T>(item: z.ZodType<T>) {
  return schemaOf<T[]>(z.array(item).min(1).max(MAX_BATCH_SIZE));
}

/** `{ data }` around one item. */
export function dataSchema<T>(item: z.ZodType<T>) {
  return schemaOf<Envelope<T>>(z.object({ data: item }));
}

/** `{ data }` around a list of items. */
export function dataListSchema<T>(item: z.ZodType<T>) {
  return schemaOf<Envelope<T[]>>(z.object({ data: z.array(item) }));
}

/** A page (`meta` with the totals), a slice (`meta.nextCursor`) or rows by ids (`meta.missing`). */
export function listSchema<T>(item: z.ZodType<T>) {
  return schemaOf<Envelope<T[]> & { meta: PageMeta | SliceMeta | ByIdsEnvelope<T>['meta'] }>(
    z.object({
      data: z.array(item),
      meta: z.union([pageMetaSchema, sliceMetaSchema, missingMetaSchema]),
    }),
  );
}

export function jsonContent<T extends z.ZodType>(schema: T) {
  return { 'application/json': { schema } };
}
