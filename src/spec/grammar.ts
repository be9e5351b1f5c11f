import { LayeredError } from '../errors.js';
import { type FieldType, MODIFIERS, type Modifier, isFieldType, modifierAllowed, whyNotAllowed } from './field-types.js';
import { unknownModifier, unknownType } from './near-misses.js';
import type { Problem } from './problem.js';
import type { FieldSpecInput } from './schema.js';

/** Characters zsh and bash treat specially (globs, pipes, redirects, subshells, quotes, comments). */
const SHELL_SPECIAL = /[?*[\]|()<>{};&$`'"!#~\\\s]/;
const GRAMMAR = 'name:type[:modifier...], e.g. price:decimal or sku:string:max=40:unique';

/**
 * Parses one CLI field token, `name:type[:modifier...]`, into schema input (validated later by
 * the one schema). `default=V` takes the rest of the token, so V may contain `:` and `=`.
 *
 * @example parseFieldToken('buyer:ref=customer')   // { name: 'buyer', type: 'ref', ref: 'customer' }
 * @example parseFieldToken('startsAt:datetime:default=2024-01-01T09:00:00Z')
 */
export function parseFieldToken(token: string): FieldSpecInput {
  if (token.trim() === '') {
    throw fail(token, { code: 'SPEC_EMPTY_TOKEN', message: 'empty token, no name or type.', hint: `Write each field as ${GRAMMAR}.` });
  }
  const segments = token.split(':');
  const defaultAt = segments.findIndex((segment, i) => i >= 2 && segment.startsWith('default='));
  const head = defaultAt === -1 ? segments : segments.slice(0, defaultAt);
  const special = SHELL_SPECIAL.exec(head.join(':'));
  if (special !== null) {
    throw fail(token, {
      code: 'SPEC_SHELL_CHARACTER',
      message: `${JSON.stringify(special[0])} is special to zsh and bash (globs, pipes, redirects, subshells, quotes) and breaks the command line.`,
      hint: `Field tokens use only letters, digits, :, =, comma, - and _ (${GRAMMAR}); only a default=V value may hold other characters, quoted.`,
    });
  }
  const [name = '', typeText = ''] = head;
  if (head.length < 2 || typeText === '' || isModifierForm(typeText)) {
    throw fail(token, { code: 'SPEC_MISSING_TYPE', message: 'missing type.', hint: `Add one after the name: ${name || 'name'}:<type>${head.length > 1 && typeText !== '' ? `:${head.slice(1).join(':')}` : ''} (${GRAMMAR}).` });
  }
  const field: FieldSpecInput = { name, type: typeText };
  const seen = new Set<Modifier>();
  const refMatch = /^ref=(.*)$/.exec(typeText);
  if (refMatch !== null) {
    field.type = 'ref';
    applyModifier(token, field, 'ref', refMatch[1], seen);
  } else if (!isFieldType(typeText)) {
    throw fail(token, unknownType(typeText));
  }
  const modifiers = head.slice(2);
  if (defaultAt !== -1) modifiers.push(segments.slice(defaultAt).join(':'));
  for (const modifier of modifiers) {
    if (modifier === '') {
      throw fail(token, { code: 'SPEC_EMPTY_MODIFIER', message: 'empty modifier (two colons in a row, or a trailing colon).', hint: 'Remove the extra colon.' });
    }
    const eq = modifier.indexOf('=');
    const key = eq === -1 ? modifier : modifier.slice(0, eq);
    const value = eq === -1 ? undefined : modifier.slice(eq + 1);
    if (!isModifier(key)) throw fail(token, unknownModifier(modifier));
    applyModifier(token, field, key, value, seen);
  }
  return field;
}

/**
 * Parses every field token of `layered new <domain> [field ...]`.
 *
 * @example parseFieldTokens(['name:string', 'price:decimal'])
 */
export function parseFieldTokens(tokens: readonly string[]): FieldSpecInput[] {
  return tokens.map((token) => parseFieldToken(token));
}

function applyModifier(token: string, field: FieldSpecInput, key: Modifier, value: string | undefined, seen: Set<Modifier>): void {
  if (seen.has(key)) {
    throw fail(token, { code: 'SPEC_MODIFIER_REPEATED', message: `modifier ${key} is repeated.`, hint: `Give ${key} once.` });
  }
  seen.add(key);
  const type = field.type as FieldType;
  if (!modifierAllowed(key, type)) {
    throw fail(token, { code: 'SPEC_MODIFIER_NOT_ALLOWED', message: `${key} is not allowed on ${type} fields.`, hint: `Remove it: ${whyNotAllowed(key, type)}.` });
  }
  switch (key) {
    case 'optional':
    case 'unique':
    case 'index':
      if (value !== undefined) throw fail(token, { code: 'SPEC_MODIFIER_VALUE', message: `${key} takes no value (got ${key}=${value}).`, hint: `Write just :${key}.` });
      field[key] = true;
      return;
    case 'default':
      if (value === undefined) throw fail(token, { code: 'SPEC_MODIFIER_VALUE', message: 'default needs a value.', hint: 'Write default=V, e.g. stock:int:default=0 (quote the token if V has spaces).' });
      field.default = value;
      return;
    case 'max':
      if (value === undefined || !/^[0-9]+$/.test(value)) {
        throw fail(token, { code: 'SPEC_BAD_MAX', message: `max needs a whole number of characters, got ${JSON.stringify(value ?? '')}.`, hint: 'e.g. name:string:max=120.' });
      }
      field.max = Number(value);
      return;
    case 'values': {
      const values = value === undefined || value === '' ? [] : value.split(',');
      if (values.length === 0) throw fail(token, { code: 'SPEC_BAD_VALUES', message: 'values is empty.', hint: 'List the choices: values=draft,published,archived.' });
      if (values.includes('')) throw fail(token, { code: 'SPEC_BAD_VALUES', message: `values ${JSON.stringify(value)} has an empty entry.`, hint: 'Separate values with single commas and no trailing comma.' });
      field.values = values;
      return;
    }
    case 'ref':
      if (value === '') throw fail(token, { code: 'SPEC_BAD_REF', message: 'ref= names no domain.', hint: 'Write ref=<domain>, e.g. buyer:ref=customer, or just category:ref.' });
      if (value !== undefined) field.ref = value;
      return;
  }
}

function isModifier(key: string): key is Modifier {
  return (MODIFIERS as readonly string[]).includes(key);
}

/** A type position holding a modifier means the type was left out: `price:optional`. */
function isModifierForm(text: string): boolean {
  return ['optional', 'unique', 'index', 'default', 'max', 'values'].includes(text.split('=')[0] ?? '');
}

function fail(token: string, problem: Problem): LayeredError {
  return new LayeredError(problem.code, `Field ${JSON.stringify(token)}: ${problem.message}`, { hint: problem.hint });
}
