import { z } from '@hono/zod-openapi';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ListQuery } from '../application/pagination.js';
import {
  ID_ORDER,
  type FieldKind,
  type FieldValue,
  type Filter,
  type FilterOperator,
  type SortKey,
} from '../domain/list.js';
import { MAX_BATCH_SIZE } from '../domain/repository.js';
import {
  bigintSchema,
  dateSchema,
  dateTimeSchema,
  decimalSchema,
  positiveInteger,
  textSchema,
  uuidSchema,
} from './schemas.js';

/*
 * The query of `GET /<plural>` (DESIGN.md section 5): flat keys, one typed OpenAPI parameter
 * each. `price=10` is equality, `price.gte=10` another operator; filters combine with AND.
 * `sort=-price,name` orders by indexed fields, `id` breaking ties; `page`/`pageSize` page by
 * offset with a total, `limit`/`after` by cursor without one.
 */

/** What a list may do with one field of the domain. */
export interface ListField {
  kind: FieldKind;
  /** The field may be null: it takes `isNull`. */
  optional?: boolean;
  /** The field is indexed (index, unique or ref), so it may be sorted on. */
  sortable?: boolean;
  /** An enum's values. */
  values?: readonly [string, ...string[]];
  /** A decimal's digits. */
  precision?: number;
  scale?: number;
}

/**
 * Typed by what it parses to, not by its keys: the checker then does no work per key, however
 * many fields a domain has (DESIGN.md, "Type-check cost stays linear").
 */
export type ListQuerySchema = z.ZodPipe<z.ZodType<Record<string, string>>, z.ZodType<ListQuery>>;

/** The most values one `in` filter takes. */
export const MAX_IN_VALUES = 100;

/** Longest text a string filter takes; longer cannot match a varchar and makes slow patterns. */
const MAX_FILTER_TEXT = 1_000;

const ORDERED: FilterOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in'];

/** The operators each kind takes; `isNull` is added for optional fields. */
const OPERATORS: Record<FieldKind, readonly FilterOperator[]> = {
  id: ['eq', 'ne', 'in'],
  int: ORDERED,
  bigint: ORDERED,
  decimal: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  float: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'],
  string: ['eq', 'ne', 'in', 'contains', 'startsWith'],
  text: ['eq', 'ne', 'contains', 'startsWith'],
  uuid: ['eq', 'ne', 'in'],
  boolean: ['eq'],
  enum: ['eq', 'in'],
};

const MEANING: Record<FilterOperator, string> = {
  eq: 'equal to',
  ne: 'not equal to (rows without a value are left out)',
  gt: 'greater than',
  gte: 'greater than or equal to',
  lt: 'less than',
  lte: 'less than or equal to',
  in: `one of up to ${MAX_IN_VALUES} comma-separated values`,
  contains: 'containing this text (ASCII letters in either case; % and _ are literal)',
  startsWith: 'starting with this text (ASCII letters in either case; % and _ are literal)',
  isNull: 'true: without a value; false: with one',
};

/** Every row has these; they sort and take ranges. */
const ENTITY_FIELDS: Record<string, ListField & { ops: readonly FilterOperator[] }> = {
  id: { kind: 'id', sortable: true, ops: ['gt', 'gte', 'lt', 'lte'] },
  createdAt: { kind: 'datetime', sortable: true, ops: ['gt', 'gte', 'lt', 'lte'] },
  updatedAt: { kind: 'datetime', sortable: true, ops: ['gt', 'gte', 'lt', 'lte'] },
};

const booleanText = z
  .enum(['true', 'false'], { error: 'Expected true or false' })
  .transform((value) => value === 'true');

/** One value of a field, from its query text, in the JSON form the API answers with. */
function valueSchema(field: ListField): z.ZodType<FieldValue> {
  switch (field.kind) {
    case 'id':
      return positiveInteger;
    case 'int':
      return z
        .string()
        .regex(/^-?\d{1,10}$/, { error: 'Expected a whole number' })
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(-(2 ** 31))
            .max(2 ** 31 - 1),
        );
    case 'bigint':
      return bigintSchema;
    case 'float':
      return z
        .string()
        .regex(/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i, { error: 'Expected a number' })
        .transform(Number)
        .pipe(z.number());
    case 'decimal':
      return decimalSchema(field.precision ?? 18, field.scale ?? 2);
    case 'date':
      return dateSchema;
    case 'datetime':
      return dateTimeSchema;
    case 'boolean':
      return booleanText;
    case 'enum':
      return z.enum(field.values ?? ['']);
    case 'uuid':
      return uuidSchema;
    case 'string':
    case 'text':
      return textSchema.max(MAX_FILTER_TEXT);
  }
}

function operandSchema(field: ListField, operator: FilterOperator): z.ZodType<Filter['value']> {
  if (operator === 'isNull') return booleanText;
  if (operator === 'contains' || operator === 'startsWith') {
    return textSchema.min(1).max(MAX_FILTER_TEXT);
  }
  const value = valueSchema(field);
  if (operator !== 'in') return value;
  return z
    .string()
    .transform((text) => text.split(','))
    .pipe(
      z
        .array(value)
        .min(1)
        .max(MAX_IN_VALUES, {
          error: `At most ${MAX_IN_VALUES} values are accepted`,
        }) as z.ZodType<FieldValue[], string[]>,
    );
}

interface FilterKey {
  field: string;
  kind: FieldKind;
  operator: FilterOperator;
}

const PAGING_KEYS = ['page', 'pageSize', 'limit', 'after'] as const;

/**
 * The query schema of one domain's lists, from what each field allows: its OpenAPI document
 * lists every key with its type, and parsing gives the `ListQuery` the use case runs. Unknown
 * keys, operators a field does not take, values of the wrong type, sorts on unindexed fields
 * and mixed paging styles are 422s naming the key.
 *
 * @example
 * export const productListQuery = listQuerySchema({
 *   name: { kind: 'string' },
 *   price: { kind: 'decimal', precision: 10, scale: 2, sortable: true },
 *   categoryId: { kind: 'id', sortable: true },
 * });
 */
export function listQuerySchema(fields: Readonly<Record<string, ListField>>): ListQuerySchema {
  const all = { ...ENTITY_FIELDS, ...fields };
  const filterKeys = new Map<string, FilterKey>();
  const shape: Record<string, z.ZodType> = {};
  for (const [field, options] of Object.entries(all)) {
    const ops = 'ops' in options ? options.ops : operatorsOf(options);
    for (const operator of ops) {
      const key = operator === 'eq' ? field : `${field}.${operator}`;
      filterKeys.set(key, { field, kind: options.kind, operator });
      shape[key] = operandSchema(options, operator)
        .optional()
        .openapi({
          param: { name: key, in: 'query' },
          description: `Only rows whose ${field} is ${MEANING[operator]}`,
        });
    }
  }
  const sortable = Object.entries(all).filter(([, options]) => options.sortable);
  Object.assign(shape, pagingShape(), {
    sort: sortSchema(new Map(sortable.map(([field, options]) => [field, options]))),
  });

  return z.strictObject(shape).transform((params, context): ListQuery => {
    const given = (key: string) => params[key] !== undefined;
    const filters = [...filterKeys]
      .filter(([key]) => given(key))
      .map(([key, filter]) => ({ ...filter, value: params[key] as Filter['value'] }));
    const sort = (params.sort as SortKey[] | undefined) ?? ID_ORDER;

    if (given('ids')) {
      const others = Object.keys(params).filter((key) => key !== 'ids' && given(key));
      if (others.length > 0) {
        context.addIssue({
          code: 'custom',
          path: ['ids'],
          message: `ids cannot be combined with ${others.join(', ')}`,
        });
        return z.NEVER;
      }
      return { kind: 'ids', ids: params.ids as number[] };
    }
    const criteria = { filters, sort };
    if (given('limit') || given('after')) {
      const offset = PAGING_KEYS.slice(0, 2).find(given);
      if (offset) {
        context.addIssue({
          code: 'custom',
          path: [offset],
          message: `${offset} pages by offset and limit/after by cursor: use one or the other`,
        });
        return z.NEVER;
      }
      const limit = (params.limit as number | undefined) ?? DEFAULT_PAGE_SIZE;
      return { kind: 'slice', criteria, limit, cursor: (params.after as string) ?? null };
    }
    const page = (params.page as number | undefined) ?? 1;
    const pageSize = (params.pageSize as number | undefined) ?? DEFAULT_PAGE_SIZE;
    return { kind: 'page', criteria, page, pageSize };
  }) as unknown as ListQuerySchema;
}

function operatorsOf(field: ListField): readonly FilterOperator[] {
  const ops = OPERATORS[field.kind];
  return field.optional ? [...ops, 'isNull'] : ops;
}

function pagingShape(): Record<string, z.ZodType> {
  const size = positiveInteger.pipe(z.number().max(MAX_PAGE_SIZE));
  return {
    page: positiveInteger.optional().openapi({
      param: { name: 'page', in: 'query' },
      description: 'Offset paging: the page number, from 1; the answer counts every match',
      example: '1',
    }),
    pageSize: size.optional().openapi({
      param: { name: 'pageSize', in: 'query' },
      description: `Offset paging: rows per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
      example: String(DEFAULT_PAGE_SIZE),
    }),
    limit: size.optional().openapi({
      param: { name: 'limit', in: 'query' },
      description: `Cursor paging: rows per slice, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}); no count is run`,
      example: String(DEFAULT_PAGE_SIZE),
    }),
    after: z
      .string()
      .min(1)
      .max(2_000)
      .optional()
      .openapi({
        param: { name: 'after', in: 'query' },
        description:
          'Cursor paging: meta.nextCursor of the previous slice, with the same filters and sort',
      }),
    ids: z
      .string()
      .transform((value) => value.split(',').map((id) => id.trim()))
      .pipe(z.array(positiveInteger).min(1).max(MAX_BATCH_SIZE))
      .optional()
      .openapi({
        param: { name: 'ids', in: 'query' },
        description: `Up to ${MAX_BATCH_SIZE} ids, comma-separated; answered in that order, no paging`,
        example: '3,1,2',
      }),
  };
}

/**
 * `-price,name` → keys in that order, then `id` unless named. The tie-breaker takes the last
 * key's direction, so `-price` reads an index on price backwards in one pass.
 */
function sortSchema(sortable: ReadonlyMap<string, ListField>) {
  const names = [...sortable.keys()].join(', ');
  return z
    .string()
    .transform((text, context): SortKey[] => {
      const keys: SortKey[] = [];
      for (const part of text.split(',')) {
        const descending = part.startsWith('-');
        const field = descending ? part.slice(1) : part;
        const options = sortable.get(field);
        if (!options || keys.some((key) => key.field === field)) {
          context.addIssue({
            code: 'custom',
            message: options
              ? `${field} is named twice`
              : `Cannot sort on "${field}": sort takes ${names}, each optionally preceded by -`,
          });
          return z.NEVER;
        }
        keys.push({ field, kind: options.kind, descending, nullable: options.optional ?? false });
      }
      if (!keys.some((key) => key.field === 'id')) {
        const descending = keys.at(-1)?.descending ?? false;
        keys.push({ field: 'id', kind: 'id', descending, nullable: false });
      }
      return keys;
    })
    .optional()
    .openapi({
      param: { name: 'sort', in: 'query' },
      description: `Order by ${names}: comma-separated, - for descending; id breaks ties`,
      example: '-id',
    });
}
