import { DEFAULT_STRING_MAX, type FieldSpec, type FieldType } from '../../spec/index.js';

/**
 * Decimal columns are DECIMAL(18, 2) on MySQL and PostgreSQL (text on SQLite): 16 digits before
 * the point, 2 after. The grammar has no precision modifier; a domain needing more edits its
 * migration and DTO together.
 */
export const DECIMAL_PRECISION = 18;
export const DECIMAL_SCALE = 2;
/** Enum columns are varchar wide enough for the longest value, and never narrower than this. */
const ENUM_MIN_LENGTH = 32;

/** A TypeScript expression, emitted as it is into a template. */
export type Code = string;

/** A value a field can hold, as JSON: what tests send and expect back. */
export type Sample = string | number | boolean | null | { [key: string]: Sample } | Sample[];

/**
 * Everything the templates need to know about one field type, in one place: the entity's
 * TypeScript type, the Kysely column type, the migration's SQL type, the zod schemas, the
 * conversions between the entity and the row, and values for examples and tests.
 */
export interface TypeFacts {
  /** The entity property's type (without `| null`). */
  entityType: (field: FieldSpec, enumType: string) => Code;
  /** The Kysely table column's type (without `| null`); names from `column-types.ts`. */
  rowType: (field: FieldSpec, enumType: string) => Code;
  /** The migration's data type argument to `addColumn`. */
  sqlType: (field: FieldSpec) => Code;
  /** The zod request schema (non-null, no default); helpers from `_core/interface/schemas.ts`. */
  requestSchema: (field: FieldSpec, enumConst: string) => Code;
  /** The zod response schema: the JSON form the API answers with. */
  responseSchema: (field: FieldSpec, enumConst: string) => Code;
  /** OpenAPI metadata for the response schema besides the example, e.g. `format: 'decimal', `. */
  responseMeta?: Code;
  /** `column-values.ts` conversions (entity → row, row → entity) and their extra arguments. */
  toDb?: string;
  fromDb?: string;
  convertArgs?: Code;
  /** Two different valid values; the first is the OpenAPI example. */
  examples: (field: FieldSpec) => [Sample, Sample];
  /** A TypeScript expression giving a value no other test run has used, from the number `n`. */
  uniqueSample?: (field: FieldSpec) => Code;
  /** A JSON value of the wrong type, for 422 tests. */
  wrongType: Sample;
}

const stringMax = (field: FieldSpec): number => field.max ?? DEFAULT_STRING_MAX;
const enumLength = (field: FieldSpec): number => Math.max(ENUM_MIN_LENGTH, ...(field.values ?? []).map((value) => value.length));
const enumValue = (field: FieldSpec, index: number): string => {
  const values = field.values ?? [];
  return values[index % values.length] ?? '';
};
/** `'Title A'`, cut to the field's length. */
const words = (field: FieldSpec, suffix: string): string => {
  const title = field.name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const text = `${title.charAt(0).toUpperCase()}${title.slice(1)} ${suffix}`;
  return text.slice(0, stringMax(field));
};

export const TYPE_FACTS: Readonly<Record<FieldType, TypeFacts>> = {
  string: {
    entityType: () => 'string',
    rowType: () => 'string',
    sqlType: (field) => `'varchar(${stringMax(field)})'`,
    requestSchema: (field) => `stringSchema(${stringMax(field)})`,
    responseSchema: () => 'z.string()',
    examples: (field) => [words(field, 'A'), words(field, 'B')],
    uniqueSample: (field) => (stringMax(field) >= 12 ? `\`${words(field, '').trim().slice(0, stringMax(field) - 11)} \${n}\`` : `String(n).slice(-${stringMax(field)})`),
    wrongType: 42,
  },
  text: {
    entityType: () => 'string',
    rowType: () => 'string',
    sqlType: () => 'textType(db)',
    requestSchema: () => 'textSchema',
    responseSchema: () => 'z.string()',
    examples: (field) => [`${words(field, 'A')}, written at length.`, `${words(field, 'B')}, rewritten.`],
    wrongType: 42,
  },
  int: {
    entityType: () => 'number',
    rowType: () => 'number',
    sqlType: () => `'integer'`,
    requestSchema: () => 'intSchema',
    responseSchema: () => 'z.number().int()',
    examples: () => [12, 7],
    uniqueSample: () => 'n',
    wrongType: 'many',
  },
  bigint: {
    entityType: () => 'string',
    rowType: () => 'BigintColumn',
    sqlType: () => `'bigint'`,
    requestSchema: () => 'bigintSchema',
    responseSchema: () => 'z.string()',
    responseMeta: "format: 'int64', ",
    toDb: 'toDbBigint',
    fromDb: 'fromDbBigint',
    // Past 2^53: a number would have lost the last digit.
    examples: () => ['9007199254740993', '42'],
    uniqueSample: () => 'String(n)',
    wrongType: 'lots',
  },
  float: {
    entityType: () => 'number',
    rowType: () => 'number',
    sqlType: () => `'double precision'`,
    requestSchema: () => 'z.number()',
    responseSchema: () => 'z.number()',
    examples: () => [1.5, 0.25],
    wrongType: 'heavy',
  },
  decimal: {
    entityType: () => 'string',
    rowType: () => 'DecimalColumn',
    sqlType: () => `decimalType(db, ${DECIMAL_PRECISION}, ${DECIMAL_SCALE})`,
    requestSchema: () => `decimalSchema(${DECIMAL_PRECISION}, ${DECIMAL_SCALE})`,
    responseSchema: () => 'z.string()',
    responseMeta: "format: 'decimal', ",
    toDb: 'toDbDecimal',
    fromDb: 'fromDbDecimal',
    convertArgs: `, ${DECIMAL_SCALE}`,
    // Sixteen significant digits: more than a double keeps exactly.
    examples: () => ['12345678901234.56', '19.90'],
    uniqueSample: () => '`${n}.25`',
    wrongType: 'cheap',
  },
  boolean: {
    entityType: () => 'boolean',
    rowType: () => 'BooleanColumn',
    sqlType: () => `'boolean'`,
    requestSchema: () => 'z.boolean()',
    responseSchema: () => 'z.boolean()',
    toDb: 'toDbBoolean',
    fromDb: 'fromDbBoolean',
    examples: () => [true, false],
    wrongType: 'yes',
  },
  date: {
    entityType: () => 'string',
    rowType: () => 'DateColumn',
    sqlType: () => `'date'`,
    requestSchema: () => 'dateSchema',
    responseSchema: () => 'z.iso.date()',
    toDb: 'toDbDate',
    fromDb: 'fromDbDate',
    examples: () => ['2026-02-28', '2027-12-31'],
    uniqueSample: () => 'new Date((n % 2_000_000) * 86_400_000).toISOString().slice(0, 10)',
    wrongType: 'soon',
  },
  datetime: {
    entityType: () => 'string',
    rowType: () => 'DateTimeColumn',
    sqlType: () => 'dateTimeType(db)',
    requestSchema: () => 'dateTimeSchema',
    responseSchema: () => 'z.iso.datetime()',
    toDb: 'toDbDateTime',
    fromDb: 'fromDbDateTime',
    examples: () => ['2026-01-31T09:30:00.125Z', '2026-06-01T18:00:00.000Z'],
    uniqueSample: () => 'new Date(n * 1_000).toISOString()',
    wrongType: 'yesterday',
  },
  uuid: {
    entityType: () => 'string',
    rowType: () => 'string',
    sqlType: () => 'uuidType(db)',
    requestSchema: () => 'uuidSchema',
    responseSchema: () => 'z.uuid()',
    examples: () => ['0b9e5c7a-3f5d-4c1e-9a8b-2d6f4e1c7a90', '5f2c8d1e-7a4b-4e6f-8c3d-9b1a2e4f6c80'],
    uniqueSample: () => 'randomUUID()',
    wrongType: 'not-a-uuid',
  },
  json: {
    entityType: () => 'JsonValue',
    rowType: () => 'string',
    sqlType: () => 'jsonType(db)',
    requestSchema: () => 'jsonSchema',
    // The request schema, typed `JsonValue` like the entity (responses are not parsed).
    responseSchema: () => 'jsonSchema',
    toDb: 'toDbJson',
    fromDb: 'fromDbJson',
    examples: () => [{ colour: 'red', sizes: [38, 40] }, ['tag', 1, true]],
    wrongType: null,
  },
  enum: {
    entityType: (_field, enumType) => enumType,
    rowType: (_field, enumType) => enumType,
    sqlType: (field) => `'varchar(${enumLength(field)})'`,
    requestSchema: (_field, enumConst) => `z.enum(${enumConst})`,
    responseSchema: (_field, enumConst) => `z.enum(${enumConst})`,
    examples: (field) => [enumValue(field, 0), enumValue(field, 1)],
    wrongType: 7,
  },
  ref: {
    entityType: () => 'number',
    rowType: () => 'number',
    sqlType: () => `'integer'`,
    requestSchema: () => 'idSchema',
    responseSchema: () => 'z.number().int()',
    examples: () => [1, 2],
    wrongType: 'first',
  },
};
