import { LayeredError } from '../errors.js';
import { checkDomainName } from './domain-name.js';
import { parseFieldTokens } from './grammar.js';
import { type DomainSpec, domainSpecSchema } from './schema.js';
import { type IssueContext, toSpecError } from './spec-error.js';

export { assertRefsExist } from './refs.js';
export { checkDomainName } from './domain-name.js';
export { checkFieldName } from './field-name.js';
export { FIELD_TYPES, INDEXABLE_TYPES, DEFAULTABLE_TYPES, MODIFIERS, MODIFIER_TYPES, type FieldType, type Modifier } from './field-types.js';
export { parseFieldToken, parseFieldTokens } from './grammar.js';
export { kyselyCamelCase, kyselySnakeCase } from './kysely-case.js';
export { domainNames, fieldNames, type DomainNames, type FieldNames } from './names.js';
export {
  ACCESS_LEVELS,
  DEFAULT_STRING_MAX,
  MAX_FIELDS,
  domainSpecSchema,
  fieldSpecSchema,
  type Access,
  type DomainSpec,
  type DomainSpecInput,
  type FieldSpec,
  type FieldSpecInput,
} from './schema.js';
export { SpecError, type SpecIssue } from './spec-error.js';

export interface ParseDomainSpecOptions {
  /** The domain as typed on the command line, in any form. */
  name?: string | undefined;
  /** Field tokens from the command line, `name:type[:modifier...]`. */
  tokens?: readonly string[] | undefined;
  /** A `.yaml`, `.yml` or `.json` spec file. */
  specFile?: string | undefined;
}

/**
 * Builds the validated, normalised DomainSpec from the command line and/or a spec file: field
 * names camelCase, the domain name kebab-case, ref targets filled in. Every refusal is a
 * LayeredError with exit code 1.
 *
 * @example await parseDomainSpec({ name: 'product', tokens: ['name:string', 'price:decimal', 'category:ref'] })
 * @example await parseDomainSpec({ specFile: 'specs/order-item.yaml' })
 */
export async function parseDomainSpec(options: ParseDomainSpecOptions): Promise<DomainSpec> {
  const tokens = options.tokens ?? [];
  if (options.specFile === undefined) {
    if (options.name === undefined) {
      throw new LayeredError('SPEC_NO_NAME', 'No domain name given.', { hint: 'Name the domain: layered new product name:string, or give --spec product.yaml.' });
    }
    const describeField = (index: number): string => `Field ${JSON.stringify(tokens[index] ?? '')}`;
    return validateDomainSpec({ name: options.name, fields: parseFieldTokens(tokens) }, { describeField });
  }
  if (tokens.length > 0) {
    throw new LayeredError('SPEC_FIELDS_AND_FILE', 'Fields were given both on the command line and in a spec file.', { hint: 'Put every field in the spec file, or drop --spec and give them as arguments.' });
  }
  // The YAML parser costs ~30 ms to load; only spec files need it.
  const { readSpecFile } = await import('./spec-file.js');
  const loaded = await readSpecFile(options.specFile);
  return validateDomainSpec(withDomainName(loaded.data, options.name, options.specFile), { file: loaded.file, lineOf: loaded.lineOf });
}

/**
 * A spec file's data with the domain the command line names: filled in when the file names
 * none, refused (exit 1) when it names another.
 *
 * @example withDomainName({ fields: [...] }, 'product', 'specs/product.yaml') // { fields: [...], name: 'product' }
 */
export function withDomainName(data: unknown, name: string | undefined, specFile: string): unknown {
  if (name === undefined || !isRecord(data)) return data;
  if (data['name'] === undefined) return { ...data, name };
  assertSameName(name, data['name'], specFile);
  return data;
}

/**
 * Validates schema input from any source (the prompts call this directly) and throws a
 * SpecError listing every problem with its path.
 *
 * @example validateDomainSpec({ name: 'tag', fields: [{ name: 'label', type: 'string' }] })
 */
export function validateDomainSpec(input: unknown, context: IssueContext = {}): DomainSpec {
  const result = domainSpecSchema.safeParse(input);
  if (result.success) return result.data;
  throw toSpecError(result.error, context);
}

function assertSameName(given: string, inFile: unknown, file: string): void {
  const a = checkDomainName(given);
  const b = typeof inFile === 'string' ? checkDomainName(inFile) : undefined;
  // A malformed name in the file is the schema's to report, with its line.
  if (b?.ok === false || (a.ok && b?.ok === true && a.value === b.value)) return;
  if (!a.ok) throw new LayeredError(a.problem.code, a.problem.message, { hint: a.problem.hint });
  throw new LayeredError('SPEC_NAME_MISMATCH', `The domain is "${given}" on the command line but ${JSON.stringify(inFile)} in ${file}.`, {
    hint: 'Leave the domain out of the command (the spec file names it), or make the two agree.',
    file,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
