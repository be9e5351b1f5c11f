import { createHash } from 'node:crypto';

import type { Code, Sample } from './field-types.js';

/** MySQL's identifier limit; index names embed the table and column names. */
const MAX_IDENTIFIER = 64;

/**
 * `<table>_<column>_<suffix>`, shortened with a hash to fit MySQL. The generated project's
 * `identifier()` in `_core/infrastructure/schema.ts` does the same for foreign keys.
 */
export function identifier(table: string, column: string, suffix: string): string {
  const name = `${table}_${column}_${suffix}`;
  if (name.length <= MAX_IDENTIFIER) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER - hash.length - suffix.length - 2)}_${hash}_${suffix}`;
}

/** Names for one import statement: unique, sorted, comma-separated; `false` entries dropped. */
export function importList(names: ReadonlyArray<string | false | undefined>): string {
  const wanted = names.filter((name): name is string => typeof name === 'string' && name !== '');
  return [...new Set(wanted)].sort((a, b) => a.localeCompare(b, 'en')).join(', ');
}

/**
 * A value as a TypeScript literal in the generated project's style: single quotes, unquoted
 * keys where they are identifiers, spaces inside braces (prettier's output).
 *
 * @example literal({ colour: 'red', sizes: [38, 40] }) // "{ colour: 'red', sizes: [38, 40] }"
 */
export function literal(value: Sample): Code {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : literal(key)}: ${literal(item)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}
