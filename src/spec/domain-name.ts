import { camelCase, kebabCase, pascalCase, snakeCase, split } from 'change-case';
import { kyselySnakeCase } from './kysely-case.js';
import { type Checked, ok, refuse } from './problem.js';
import { CORE_DOMAIN_NAMES, JS_RESERVED_WORDS, RESERVED_CLASS_NAMES } from './reserved-words.js';

/**
 * MySQL identifiers stop at 64 characters; index and foreign-key names are built from the
 * table name plus a column, so the table name keeps well under that.
 */
export const MAX_DOMAIN_NAME_LENGTH = 40;

/**
 * Checks a domain name typed in any form and returns its canonical kebab-case spelling.
 *
 * @example checkDomainName('OrderItem') // { ok: true, value: 'order-item' }
 * @example checkDomainName('class')     // { ok: false, problem: { code: 'NAME_RESERVED_WORD', ... } }
 */
export function checkDomainName(input: string): Checked<string> {
  const shown = JSON.stringify(input);
  if (input.trim() === '') {
    return refuse('NAME_EMPTY', 'The domain name is empty.', 'Give a singular noun, e.g. `layered new product name:string`.');
  }
  if (/[/\\]|\.\./.test(input)) {
    return refuse(
      'NAME_PATH_CHARACTER',
      `Domain name ${shown} contains a path character (/, \\ or ..).`,
      'A domain name becomes a folder name, not a path: use letters, digits and - or _, e.g. order-item.',
    );
  }
  const bad = [...new Set(input.replace(/[A-Za-z0-9_-]/g, ''))];
  if (bad.length > 0) {
    return refuse(
      'NAME_INVALID_CHARACTER',
      `Domain name ${shown} contains ${bad.map((c) => JSON.stringify(c)).join(', ')}: only ASCII letters, digits, - and _ are allowed.`,
      'Write multi-word names as order-item, order_item or OrderItem.',
    );
  }
  if (/^[0-9]/.test(input)) {
    return refuse('NAME_LEADING_DIGIT', `Domain name ${shown} starts with a digit.`, 'Identifiers cannot start with a digit: put a word first, e.g. v2-item.');
  }
  if (/^[-_]|[-_]$|[-_]{2}/.test(input)) {
    return refuse('NAME_MALFORMED', `Domain name ${shown} has a leading, trailing or doubled separator.`, `Use single separators between words: ${kebabCase(input) || 'order-item'}.`);
  }
  const words = split(input);
  const digitWord = words.slice(1).find((word) => /^[0-9]/.test(word));
  if (digitWord !== undefined) {
    const joined = words.join('-').replace(/-(?=[0-9])/g, '');
    return refuse(
      'NAME_DIGIT_WORD',
      `Domain name ${shown} has a word starting with a digit ("${digitWord}"), which has no camelCase spelling.`,
      `Join the digits to the word before them: ${kebabCase(joined)}.`,
    );
  }
  const kebab = kebabCase(input);
  const camel = camelCase(kebab);
  const pascal = pascalCase(kebab);
  if (JS_RESERVED_WORDS.has(camel)) {
    return refuse(
      'NAME_RESERVED_WORD',
      `Domain name ${shown} is a JavaScript/TypeScript reserved word ("${camel}") and cannot name a variable.`,
      `Add a word that says what it is, e.g. ${kebab}-item or school-${kebab}.`,
    );
  }
  if (CORE_DOMAIN_NAMES.has(kebab)) {
    return refuse(
      'NAME_CORE_COLLISION',
      `Domain name ${shown} collides with the project's own "${kebab}" (core, host files or project folders).`,
      `Pick a more specific name, e.g. ${kebab}-entry or app-${kebab}.`,
    );
  }
  if (RESERVED_CLASS_NAMES.has(pascal)) {
    return refuse(
      'NAME_SHADOWS_GLOBAL',
      `Domain name ${shown} would declare a class "${pascal}", which shadows a JavaScript global, a TypeScript type or a core class.`,
      `Pick a more specific name, e.g. ${kebab}-record or customer-${kebab}.`,
    );
  }
  if (snakeCase(kebab).length > MAX_DOMAIN_NAME_LENGTH) {
    return refuse(
      'NAME_TOO_LONG',
      `Domain name ${shown} is longer than ${MAX_DOMAIN_NAME_LENGTH} characters.`,
      'MySQL identifiers stop at 64 characters and index names are built from the table name: shorten it.',
    );
  }
  // Kysely's CamelCasePlugin also maps table names; its spelling must agree with ours.
  if (kyselySnakeCase(camel) !== snakeCase(kebab)) {
    return refuse(
      'NAME_ROUND_TRIP',
      `Domain name ${shown} has a one-letter word that Kysely's CamelCasePlugin merges with the next: table "${kyselySnakeCase(camel)}", not "${snakeCase(kebab)}".`,
      'Join the one-letter word to a neighbour or spell it out, e.g. plan-a-item → plana-item.',
    );
  }
  return ok(kebab);
}
