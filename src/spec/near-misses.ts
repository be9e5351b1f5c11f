import { FIELD_TYPES, MODIFIERS } from './field-types.js';
import type { Problem } from './problem.js';
import { suggest } from './suggest.js';

/** Type names people bring from SQL, TypeScript or other generators, and ours for them. */
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  integer: 'int', int32: 'int', smallint: 'int', tinyint: 'int', long: 'bigint', int64: 'bigint',
  number: 'int, float or decimal', numeric: 'decimal', money: 'decimal', currency: 'decimal',
  double: 'float', real: 'float', bool: 'boolean', str: 'string', varchar: 'string', char: 'string',
  timestamp: 'datetime', timestamptz: 'datetime', time: 'datetime', guid: 'uuid', object: 'json',
  array: 'json', jsonb: 'json', reference: 'ref', relation: 'ref', fk: 'ref', foreign: 'ref',
  enumeration: 'enum', longtext: 'text', mediumtext: 'text',
};

const MODIFIER_ALIASES: Readonly<Record<string, string>> = {
  nullable: 'optional', null: 'optional', opt: 'optional', uniq: 'unique', indexed: 'index',
  length: 'max=N', len: 'max=N', size: 'max=N', maxlength: 'max=N', enum: 'values=a,b,c',
  options: 'values=a,b,c', choices: 'values=a,b,c', references: 'ref=<domain>',
};

/**
 * The refusal for a type that is not one of ours, with a suggestion when it is a near miss.
 *
 * @example unknownType('integer').hint // 'Did you mean int? Types: string, text, ...'
 */
export function unknownType(type: string): Problem {
  const guess = suggest(type, FIELD_TYPES, TYPE_ALIASES);
  const list = `Types: ${FIELD_TYPES.join(', ')}.`;
  return {
    code: 'SPEC_UNKNOWN_TYPE',
    message: `unknown type ${JSON.stringify(type)} — use one of ${FIELD_TYPES.join(', ')}.`,
    hint: guess === undefined ? list : `Did you mean ${guess}? ${list}`,
  };
}

/** The refusal for a modifier that is not one of ours. */
export function unknownModifier(modifier: string): Problem {
  const guess = suggest(modifier.split('=')[0] ?? modifier, MODIFIERS, MODIFIER_ALIASES);
  const list = 'Modifiers: optional, unique, index, default=V, max=N, values=a,b,c, ref=<domain>.';
  const required = modifier.toLowerCase() === 'required' ? 'Fields are required unless marked optional. ' : '';
  return {
    code: 'SPEC_UNKNOWN_MODIFIER',
    message: `unknown modifier ${JSON.stringify(modifier)}.`,
    hint: `${required}${guess === undefined ? '' : `Did you mean ${guess}? `}${list}`,
  };
}
