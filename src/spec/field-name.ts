import { kyselyCamelCase, kyselySnakeCase } from './kysely-case.js';
import { type Checked, ok, refuse } from './problem.js';
import { JS_RESERVED_WORDS, RESERVED_FIELD_NAMES } from './reserved-words.js';

/** Columns stay well under MySQL's 64-character identifier limit: index names embed them. */
export const MAX_FIELD_NAME_LENGTH = 40;

/**
 * Checks a field name and returns its camelCase spelling. snake_case and kebab-case are
 * converted; PascalCase gets a lower-case first letter. The result must survive Kysely's
 * CamelCasePlugin (property → column → property unchanged), and a snake/kebab name must be the
 * column the plugin will really use, otherwise the user is told the spelling that works.
 *
 * @example checkFieldName('unit_price') // { ok: true, value: 'unitPrice' }
 * @example checkFieldName('userID')     // refused: "name it userId"
 */
export function checkFieldName(input: string): Checked<string> {
  const shown = JSON.stringify(input);
  if (input === '') {
    return refuse('SPEC_FIELD_NAME_EMPTY', 'A field has an empty name.', 'Write fields as name:type, e.g. price:decimal.');
  }
  const bad = [...new Set(input.replace(/[A-Za-z0-9_-]/g, ''))];
  if (bad.length > 0) {
    return refuse(
      'SPEC_FIELD_NAME_CHARACTER',
      `name ${shown} contains ${bad.map((c) => JSON.stringify(c)).join(', ')}: only ASCII letters, digits, - and _ are allowed.`,
      'Write multi-word names as unitPrice, unit_price or unit-price.',
    );
  }
  if (/^[0-9]/.test(input)) {
    return refuse('SPEC_FIELD_NAME_LEADING_DIGIT', `name ${shown} starts with a digit.`, 'Identifiers cannot start with a digit: put a word first, e.g. line1 instead of 1line.');
  }
  const camel = /[-_]/.test(input) ? fromSeparated(input) : fromCamel(input);
  if (!camel.ok) return camel;
  const name = camel.value;
  if (RESERVED_FIELD_NAMES.has(name)) {
    return refuse(
      'SPEC_FIELD_RESERVED',
      `name ${shown} is reserved: every entity already has id, createdAt and updatedAt.`,
      'Leave it out (it is generated), or pick another name.',
    );
  }
  if (JS_RESERVED_WORDS.has(name)) {
    return refuse(
      'SPEC_FIELD_RESERVED_WORD',
      `name ${shown} is a JavaScript/TypeScript reserved word and cannot be used as an identifier.`,
      `Say what it holds, e.g. ${name}Name or ${name}Value.`,
    );
  }
  if (name.length > MAX_FIELD_NAME_LENGTH) {
    return refuse('SPEC_FIELD_NAME_TOO_LONG', `name ${shown} is longer than ${MAX_FIELD_NAME_LENGTH} characters.`, 'Shorten it: MySQL identifiers stop at 64 characters.');
  }
  return ok(name);
}

/** snake_case / kebab-case: must be lower case, single separators, and the real column. */
function fromSeparated(input: string): Checked<string> {
  const shown = JSON.stringify(input);
  const snake = input.replaceAll('-', '_');
  if (/^_|_$|__/.test(snake)) {
    return refuse('SPEC_FIELD_NAME_MALFORMED', `name ${shown} has a leading, trailing or doubled separator.`, 'Use single separators between words, e.g. unit_price.');
  }
  const camel = kyselyCamelCase(snake.toLowerCase());
  if (/[A-Z]/.test(input)) {
    return refuse('SPEC_FIELD_NAME_MIXED_CASE', `name ${shown} mixes capitals with - or _.`, `Use one form: ${camel} (or ${kyselySnakeCase(camel)}).`);
  }
  const column = kyselySnakeCase(camel);
  if (column !== snake) {
    return refuse(
      'SPEC_FIELD_ROUND_TRIP',
      `name ${shown} cannot be a column: Kysely's CamelCasePlugin reads it as "${camel}", which it writes back as column "${column}" (it puts no _ before digits).`,
      `Name it ${camel} (column ${column}).`,
    );
  }
  return ok(camel);
}

/** camelCase / PascalCase: must read back unchanged after property → column → property. */
function fromCamel(input: string): Checked<string> {
  const column = kyselySnakeCase(input);
  const back = kyselyCamelCase(column);
  const lowered = input.charAt(0).toLowerCase() + input.slice(1);
  if (back === input || back === lowered) return ok(back);
  return refuse(
    'SPEC_FIELD_ROUND_TRIP',
    `name ${JSON.stringify(input)} does not survive Kysely's CamelCasePlugin: it becomes column "${column}", which reads back as "${back}".`,
    `Name it ${back}.`,
  );
}
