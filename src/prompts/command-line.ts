import { checkDomainName } from '../spec/domain-name.js';
import type { DomainSpec, FieldSpec } from '../spec/schema.js';

/** Words bash and zsh read literally; anything else is single-quoted. */
const SHELL_SAFE = /^[A-Za-z0-9_:=,.+/@%-]+$/;

/**
 * The `layered new` command line that gives this spec without prompts: the inverse of the field
 * grammar (grammar.ts). Tokens holding shell-special characters (only a `default=V` can) are
 * single-quoted, so the line can be pasted as it is.
 *
 * @example specToCommandLine(spec) // 'layered new product name:string:max=120 price:decimal'
 */
export function specToCommandLine(spec: DomainSpec): string {
  return ['layered', 'new', spec.name, ...specToFieldTokens(spec)].map(shellQuote).join(' ');
}

/**
 * One grammar token per field, unquoted: `parseFieldTokens` reads them back to the same spec.
 *
 * @example specToFieldTokens(spec) // ['sku:string:unique:max=64', 'buyer:ref=customer']
 */
export function specToFieldTokens(spec: Pick<DomainSpec, 'fields'>): string[] {
  return spec.fields.map(fieldToToken);
}

/** `name:type[:optional][:unique][:index][:max=N][:values=a,b][:default=V]`; default last, as it takes the rest. */
export function fieldToToken(field: FieldSpec): string {
  const parts = [field.name, field.type === 'ref' ? refType(field) : field.type];
  if (field.optional) parts.push('optional');
  if (field.unique) parts.push('unique');
  if (field.index) parts.push('index');
  if (field.max !== undefined) parts.push(`max=${field.max}`);
  if (field.values !== undefined) parts.push(`values=${field.values.join(',')}`);
  if (field.default !== undefined) parts.push(`default=${String(field.default)}`);
  return parts.join(':');
}

/** Quotes a word for bash and zsh only when it needs it. */
export function shellQuote(word: string): string {
  return SHELL_SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** `category:ref` when the target is the field's own name, `buyer:ref=customer` otherwise. */
function refType(field: FieldSpec): string {
  const implied = checkDomainName(field.name);
  return implied.ok && implied.value === field.ref ? 'ref' : `ref=${field.ref ?? ''}`;
}
