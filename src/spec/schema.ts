import * as z from 'zod';
import { type DefaultValue, checkDefault } from './default-value.js';
import { checkDomainName } from './domain-name.js';
import { checkFieldName } from './field-name.js';
import { type FieldType, MODIFIER_TYPES, type Modifier, isFieldType, whyNotAllowed } from './field-types.js';
import { unknownType } from './near-misses.js';
import type { Problem } from './problem.js';

/** More fields than this is a sign the domain should be split; it also bounds MySQL's row size. */
export const MAX_FIELDS = 60;
/** `max` when a string field gives none; applied by the generator, not stored in the spec. */
export const DEFAULT_STRING_MAX = 255;
/** utf8mb4 VARCHAR tops out at 16,383 characters (65,535 bytes / 4); longer belongs in text. */
export const MAX_STRING_LENGTH = 16_383;
/** InnoDB index keys stop at 3,072 bytes: 768 utf8mb4 characters for a unique/indexed string. */
export const MAX_INDEXED_STRING_LENGTH = 768;
/** MySQL's row limit shared by every VARCHAR of a table (4 bytes a character + 2 length bytes). */
const MYSQL_ROW_BYTES = 65_535;
const ENUM_VALUE = /^[a-z][a-z0-9_-]*$/;

/**
 * Who may call a domain's routes (DESIGN.md §6): anyone, any signed-in user, admins, or each
 * user their own rows. Absent means `public` (projects without auth never set it).
 */
export const ACCESS_LEVELS = ['public', 'user', 'admin', 'owner'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** The field's `default=` of a token is a string; a spec file may also hold a number or boolean. */
const fieldInputSchema = z.strictObject(
  {
    name: z.string({ error: 'expected the field name as a string' }),
    type: z.string({ error: 'expected the type as a string, e.g. type: decimal' }),
    optional: z.boolean({ error: 'expected true or false' }).optional(),
    unique: z.boolean({ error: 'expected true or false' }).optional(),
    index: z.boolean({ error: 'expected true or false' }).optional(),
    default: z.union([z.string(), z.number(), z.boolean()], { error: 'expected a string, number or boolean' }).optional(),
    max: z.number({ error: 'expected a number' }).optional(),
    values: z.array(z.string({ error: 'expected each value as a string' }), { error: 'expected a list of strings' }).optional(),
    ref: z.string({ error: 'expected a domain name' }).optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'expected a field: { name, type, ... }' : undefined) },
);
type FieldInput = z.output<typeof fieldInputSchema>;

/** A field after validation: camelCase name, flags always present, ref target filled (kebab-case). */
export interface NormalisedField {
  name: string;
  type: FieldType;
  optional: boolean;
  unique: boolean;
  index: boolean;
  default?: DefaultValue;
  max?: number;
  values?: string[];
  ref?: string;
}

/**
 * One field of a domain spec. Parsing normalises it (see {@link NormalisedField}); its output
 * parses again to itself.
 *
 * @example fieldSpecSchema.parse({ name: 'unit_price', type: 'decimal' })
 * // { name: 'unitPrice', type: 'decimal', optional: false, unique: false, index: false }
 */
export const fieldSpecSchema = fieldInputSchema.transform((input, ctx): NormalisedField => {
  const problems: Array<Problem & { key: string }> = [];
  const report = (key: string, problem: Problem): void => void problems.push({ key, ...problem });
  const field = normaliseField(input, report);
  for (const { key, code, message, hint } of problems) {
    ctx.addIssue({ code: 'custom', message, path: [key], params: { code, hint } });
  }
  return problems.length === 0 && field !== undefined ? field : z.NEVER;
});

/**
 * The domain spec that argv, spec files and prompts all produce (DESIGN.md §1). The domain name
 * is stored in kebab-case (`OrderItem` → `order-item`); names.ts derives every other spelling.
 *
 * @example domainSpecSchema.parse({ name: 'Product', fields: [{ name: 'price', type: 'decimal' }] })
 */
export const domainSpecSchema = z
  .strictObject(
    {
      name: z.string({ error: 'expected the domain name as a string' }).transform((name, ctx) => {
        const checked = checkDomainName(name);
        if (checked.ok) return checked.value;
        const { code, message, hint } = checked.problem;
        ctx.addIssue({ code: 'custom', message, params: { code, hint } });
        return z.NEVER;
      }),
      access: z.enum(ACCESS_LEVELS, { error: `expected one of ${ACCESS_LEVELS.join(', ')}` }).optional(),
      fields: z
        .array(fieldSpecSchema, { error: 'expected a list of fields' })
        .min(1, { error: 'a domain needs at least one field' })
        .max(MAX_FIELDS, { error: `a domain has at most ${MAX_FIELDS} fields` }),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'expected a spec: { name, fields: [...] }' : undefined) },
  )
  .superRefine((spec, ctx) => {
    for (const { index, key, code, message, hint } of crossFieldProblems(spec.fields)) {
      ctx.addIssue({ code: 'custom', message, path: ['fields', index, key], params: { code, hint } });
    }
  });

export type DomainSpec = z.output<typeof domainSpecSchema>;
export type FieldSpec = z.output<typeof fieldSpecSchema>;
/** What the grammar, a spec file or the prompts hand to the schema. */
export type DomainSpecInput = z.input<typeof domainSpecSchema>;
export type FieldSpecInput = z.input<typeof fieldSpecSchema>;

function normaliseField(input: FieldInput, report: (key: string, problem: Problem) => void): NormalisedField | undefined {
  const name = checkFieldName(input.name);
  if (!name.ok) report('name', name.problem);
  if (!isFieldType(input.type)) {
    report('type', unknownType(input.type));
    return undefined;
  }
  const type = input.type;
  for (const modifier of ['unique', 'index', 'default', 'max', 'values', 'ref'] as const satisfies readonly Modifier[]) {
    const given = input[modifier];
    if (given === undefined || given === false || MODIFIER_TYPES[modifier].includes(type)) continue;
    report(modifier, {
      code: 'SPEC_MODIFIER_NOT_ALLOWED',
      message: `${modifier} is not allowed on ${type} fields.`,
      hint: `Remove it: ${whyNotAllowed(modifier, type)}.`,
    });
  }
  if (input.unique === true && input.index === true) {
    report('index', { code: 'SPEC_MODIFIER_CONFLICT', message: 'unique and index are both set.', hint: 'Keep unique: a unique constraint is already an index.' });
  }
  const max = input.max;
  if (max !== undefined && type === 'string') {
    const cap = input.unique === true || input.index === true ? MAX_INDEXED_STRING_LENGTH : MAX_STRING_LENGTH;
    if (!Number.isInteger(max) || max < 1 || max > cap) {
      report('max', {
        code: 'SPEC_BAD_MAX',
        message: `max ${max} is not a length from 1 to ${cap}.`,
        hint: cap === MAX_INDEXED_STRING_LENGTH
          ? `An indexed utf8mb4 varchar holds at most ${cap} characters (InnoDB's 3,072-byte key limit).`
          : `A utf8mb4 varchar holds at most ${cap} characters; use type text for longer values.`,
      });
    }
  }
  const values = type === 'enum' ? checkValues(input.values, report) : undefined;
  const ref = type === 'ref' && name.ok ? checkRef(name.value, input.ref, report) : undefined;
  let fallback: DefaultValue | undefined;
  if (input.default !== undefined && MODIFIER_TYPES.default.includes(type) && (type !== 'enum' || values !== undefined)) {
    const checked = checkDefault(input.default, { type, values, max });
    if (checked.ok) fallback = checked.value;
    else report('default', checked.problem);
  }
  if (!name.ok) return undefined;
  return {
    name: name.value,
    type,
    optional: input.optional ?? false,
    unique: input.unique ?? false,
    index: input.index ?? false,
    ...(fallback === undefined ? {} : { default: fallback }),
    ...(max === undefined ? {} : { max }),
    ...(values === undefined ? {} : { values }),
    ...(ref === undefined ? {} : { ref }),
  };
}

function checkValues(values: string[] | undefined, report: (key: string, problem: Problem) => void): string[] | undefined {
  if (values === undefined || values.length === 0) {
    report('values', { code: 'SPEC_MISSING_VALUES', message: 'an enum needs its values.', hint: 'List them: status:enum:values=draft,published (in a spec file: values: [draft, published]).' });
    return undefined;
  }
  const bad = values.find((value) => !ENUM_VALUE.test(value));
  if (bad !== undefined) {
    report('values', { code: 'SPEC_BAD_VALUES', message: `enum value ${JSON.stringify(bad)} is not lower-case [a-z][a-z0-9_-]*.`, hint: 'Start each value with a letter; use lower-case letters, digits, _ and -.' });
    return undefined;
  }
  const duplicate = values.find((value, i) => values.indexOf(value) !== i);
  if (duplicate !== undefined) {
    report('values', { code: 'SPEC_DUPLICATE_VALUE', message: `enum value ${JSON.stringify(duplicate)} is listed twice.`, hint: 'List each value once.' });
    return undefined;
  }
  return values;
}

/** A ref's field name is the relation; its target defaults to that name. */
function checkRef(name: string, ref: string | undefined, report: (key: string, problem: Problem) => void): string | undefined {
  if (/[a-z0-9]Id$/.test(name)) {
    const relation = name.slice(0, -2);
    report('name', { code: 'SPEC_REF_NAME', message: `ref field ${JSON.stringify(name)} already ends in Id; its column would be ${name}Id.`, hint: `Name the relation: ${relation}:ref (the ${name} column is added for you).` });
    return undefined;
  }
  const target = checkDomainName(ref ?? name);
  if (target.ok) return target.value;
  report('ref', { ...target.problem, code: 'SPEC_BAD_REF', message: `ref target: ${target.problem.message}` });
  return undefined;
}

/** Checks that need the whole field list: duplicates, ref columns, MySQL's row size. */
function crossFieldProblems(fields: readonly NormalisedField[]): Array<Problem & { index: number; key: string }> {
  const problems: Array<Problem & { index: number; key: string }> = [];
  const seen = new Map<string, number>();
  fields.forEach((field, index) => {
    const first = seen.get(field.name);
    if (first !== undefined) {
      problems.push({ index, key: 'name', code: 'SPEC_DUPLICATE_FIELD', message: `duplicate field ${JSON.stringify(field.name)} (also fields[${first}]).`, hint: 'Give each field one entry; snake_case and camelCase spellings of a name are the same field.' });
    } else seen.set(field.name, index);
  });
  fields.forEach((field, index) => {
    const column = `${field.name}Id`;
    if (field.type === 'ref' && seen.has(column)) {
      problems.push({ index, key: 'name', code: 'SPEC_REF_COLUMN_CLASH', message: `ref ${JSON.stringify(field.name)} adds a ${column} column, but the spec also has a field ${JSON.stringify(column)}.`, hint: `Remove the ${column} field (the ref adds it) or rename one of them.` });
    }
  });
  const rowBytes = fields.filter((field) => field.type === 'string').reduce((sum, field) => sum + (field.max ?? DEFAULT_STRING_MAX) * 4 + 2, 0);
  if (rowBytes > MYSQL_ROW_BYTES) {
    const index = fields.findLastIndex((field) => field.type === 'string');
    problems.push({ index, key: 'max', code: 'SPEC_ROW_TOO_LARGE', message: `the string fields need ${rowBytes} bytes a row; MySQL allows ${MYSQL_ROW_BYTES}.`, hint: 'Lower some max=N, or make long fields text (stored off the row).' });
  }
  return problems;
}
