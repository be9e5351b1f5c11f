/**
 * The field types of the grammar and which modifiers each accepts (DESIGN.md §1 "Field grammar").
 * The grammar parser, the schema and the prompts all read these tables, so the rules live once.
 */
export const FIELD_TYPES = [
  'string',
  'text',
  'int',
  'bigint',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'uuid',
  'json',
  'enum',
  'ref',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * Types that may carry `unique` or `index`. MySQL 8 cannot index TEXT/JSON without a prefix
 * length, and an index on a boolean or an approximate float is useless or misleading.
 */
export const INDEXABLE_TYPES: readonly FieldType[] = [
  'string',
  'int',
  'bigint',
  'decimal',
  'date',
  'datetime',
  'uuid',
  'enum',
  'ref',
];

/** Scalar types, the only ones that take `default=V`: json is a document and a ref is a row id. */
export const DEFAULTABLE_TYPES: readonly FieldType[] = FIELD_TYPES.filter((type) => type !== 'json' && type !== 'ref');

export const MODIFIERS = ['optional', 'unique', 'index', 'default', 'max', 'values', 'ref'] as const;
export type Modifier = (typeof MODIFIERS)[number];

/** The types each modifier applies to. */
export const MODIFIER_TYPES: Readonly<Record<Modifier, readonly FieldType[]>> = {
  optional: FIELD_TYPES,
  unique: INDEXABLE_TYPES,
  index: INDEXABLE_TYPES,
  default: DEFAULTABLE_TYPES,
  max: ['string'],
  values: ['enum'],
  ref: ['ref'],
};

/** Explains, for an error hint, why a modifier does not apply to a type. */
export function whyNotAllowed(modifier: Modifier, type: FieldType): string {
  switch (modifier) {
    case 'unique':
    case 'index':
      return type === 'text' || type === 'json'
        ? `MySQL 8 cannot index ${type} columns without a prefix length; use string (varchar) if the value is short`
        : `an index on a ${type} column does not help; ${modifier} applies to ${INDEXABLE_TYPES.join(', ')}`;
    case 'default':
      return type === 'ref'
        ? 'a ref points at a row that must exist; leave it out or make it optional'
        : 'json columns take no default (MySQL only allows expression defaults there)';
    case 'max':
      return 'max sets a varchar length, so it applies to string only (text has no length)';
    case 'values':
      return 'values lists the choices of an enum; use type enum';
    case 'ref':
      return 'ref names the domain a ref field points at; use type ref, e.g. buyer:ref=customer';
    case 'optional':
      return 'optional applies to every type';
  }
}

/** A type is valid for a modifier. */
export function modifierAllowed(modifier: Modifier, type: FieldType): boolean {
  return MODIFIER_TYPES[modifier].includes(type);
}

export function isFieldType(value: string): value is FieldType {
  return (FIELD_TYPES as readonly string[]).includes(value);
}
