import { constantCase, kebabCase, pascalCase } from 'change-case';
import pluralize from 'pluralize';

import { domainNames, fieldNames, type DomainNames, type DomainSpec, type FieldSpec } from '../spec/index.js';
import { type Code, DECIMAL_PRECISION, DECIMAL_SCALE, type Sample, TYPE_FACTS } from './domain-view/field-types.js';
import { identifier, importList, literal } from './domain-view/code.js';

/** One field as the templates see it: every snippet already written, no logic left to do. */
export interface FieldView {
  /** Entity property and column: `categoryId` / `category_id` for a ref. */
  property: string;
  column: string;
  title: string;
  type: FieldSpec['type'];
  optional: boolean;
  entityType: Code;
  rowType: Code;
  /** Entity → row in `toInsert(input)` and `toUpdate(changes)`, row → entity in `toEntity(row)`. */
  toInsert: Code;
  toUpdate: Code;
  fromRow: Code;
  /** The zod request schema with its OpenAPI example; nullable when optional. */
  requestSchema: Code;
  /** The create schema's entry when it differs (a default, or null when left out), else null. */
  createSchema: Code | null;
  responseSchema: Code;
  /** The migration's `.addColumn(...)` or `.$call(referenceColumn(...))`. */
  migrationColumn: Code;
  /** Values for the OpenAPI example and tests, as TypeScript literals. */
  example: Code;
  otherExample: Code;
  /** A value for test fixtures: unique fields get one no other run has used. */
  sample: Code;
  wrongType: Code;
  /** The value a create without this field stores (a literal or an `expect` matcher), or null. */
  leftOut: Code | null;
  /** A new value for a PATCH test: unique fields get a fresh one. */
  patchValue: Code;
  /** What lists may do with it (`{ kind: 'int', sortable: true }`); null for json, which they ignore. */
  listField: Code | null;
}

export interface RefView {
  property: string;
  /** The referenced domain's class, table and file names. */
  className: string;
  tableName: string;
  fileName: string;
  title: string;
  /** `a category`, `an order`. */
  aTitle: string;
  self: boolean;
  optional: boolean;
  /** What test fixtures put in it: a stored row's id, or null for a self-ref. */
  seedValue: Code;
  /** The list of rows referring to one target row: `/api/v1/categories/{id}/products`. */
  reversePath: string;
  /** The same in Hono's syntax, for middleware: `/api/v1/categories/:id/products`. */
  reverseRoutePath: string;
  /** The list under the target row with id 1, for tests: `/api/v1/categories/1/products`. */
  reversePathOfOne: string;
  /** Its route and OpenAPI operation: `listProductsByCategory`. */
  reverseOperation: string;
}

export interface EnumView {
  /** `PRODUCT_STATUSES` and `ProductStatus`. */
  constName: string;
  typeName: string;
  values: Code;
}

export interface IndexView {
  name: string;
  column: string;
}

export interface DomainView extends DomainNames {
  migrationName: string;
  /** `/api/v1/order-items`. */
  basePath: string;
  /** OpenAPI tag and summaries: `Order items`, `an order item`. */
  tag: string;
  aTitle: string;
  fields: FieldView[];
  /** Fields lists can filter on (all but json). */
  listFields: FieldView[];
  enums: EnumView[];
  refs: RefView[];
  hasRefs: boolean;
  /** Refs to other domains (a self-ref needs no fixture import). */
  foreignRefs: RefView[];
  indexes: IndexView[];
  /** Fields a create must send (not optional, no default), and the first of them, for 422 tests. */
  requiredFields: FieldView[];
  /** Fields a create may leave out, with what they become. */
  leftOutFields: FieldView[];
  /** The field used to show a 422 for a wrong type and a PATCH of one field. */
  probeField: FieldView;
  /** The first unique field, for the 409 test; null when the domain has none. */
  uniqueField: FieldView | null;
  /** The first ref, for the missing-reference tests; null when the domain has none. */
  firstRef: RefView | null;
  imports: {
    entity: string;
    tableColumnTypes: string;
    columnValues: string;
    schemas: string;
    migrationSchema: string;
    fixturesNode: string;
  };
  hasEnumImports: boolean;
  enumImports: string;
  hasRequiredFields: boolean;
  /** A fixture draws a unique number (some field is unique). */
  hasUniqueSamples: boolean;
  /** `'categoryId' | 'parentId'`: the keys of the fixture's refs type. */
  refKeys: Code;
  /** The routes need a signed-in user (`--access user|admin|owner`), and which role. */
  guarded: boolean;
  adminOnly: boolean;
  /** `--access owner`: rows carry `ownerId`, and users see only their own. */
  owner: boolean;
  /** The index on `owner_id` (every list of an owner's rows filters on it); null without owner. */
  ownerIndex: string | null;
}

/**
 * The template variables for one domain: every name and every per-field snippet, so the
 * templates under `templates/domain/` hold no logic. Per-type facts live in one table
 * (`domain-view/field-types.ts`).
 *
 * @example domainView(spec, { migrationName: '20261123193000_create_product' }).fields[0].requestSchema
 * // "z.string().max(120).openapi({ example: 'Name A' })"
 */
export function domainView(spec: DomainSpec, options: { migrationName: string }): DomainView {
  const names = domainNames(spec.name);
  const enums = spec.fields.filter((field) => field.type === 'enum').map((field) => enumView(names, field));
  const enumOf = (field: FieldSpec): EnumView => enums.find((e) => e.typeName === enumTypeName(names, field)) ?? emptyEnum;
  const fields = spec.fields.map((field) => fieldView(names, field, enumOf(field)));
  const refFields = spec.fields.filter((field) => field.type === 'ref');
  const refs = refFields.map((field) => refView(names, field, refFields));
  const used = new Set(spec.fields.map((field) => field.type));
  const firstUnique = spec.fields.findIndex((field) => field.unique && field.type !== 'enum');

  return {
    ...names,
    migrationName: options.migrationName,
    basePath: `/api/v1/${names.pluralKebab}`,
    tag: capitalise(names.pluralTitle),
    aTitle: withArticle(names.title),
    fields,
    listFields: fields.filter((field) => field.listField !== null),
    enums,
    refs,
    hasRefs: refs.length > 0,
    foreignRefs: uniqueBy(refs.filter((ref) => !ref.self), (ref) => ref.fileName).sort((a, b) => a.fileName.localeCompare(b.fileName)),
    indexes: spec.fields.filter((field) => field.index || field.type === 'ref').map((field) => indexView(names, field)),
    requiredFields: fields.filter((field) => field.leftOut === null),
    leftOutFields: fields.filter((field) => field.leftOut !== null),
    probeField: fields.find((field) => field.type !== 'json' && field.type !== 'ref') ?? (fields[0] as FieldView),
    uniqueField: firstUnique >= 0 ? (fields[firstUnique] ?? null) : null,
    firstRef: refs[0] ?? null,
    imports: {
      entity: importList(['Entity', used.has('json') && 'JsonValue']),
      tableColumnTypes: importList(spec.fields.map((field) => columnTypeImport(TYPE_FACTS[field.type].rowType(field, '')))),
      columnValues: importList(['fromDbDateTime', ...spec.fields.flatMap((field) => [TYPE_FACTS[field.type].toDb, TYPE_FACTS[field.type].fromDb])]),
      schemas: importList([
        'batchSchema',
        'entityFields',
        'schemaOf',
        ...spec.fields.map((field) => schemaImport(TYPE_FACTS[field.type].requestSchema(field, ''))),
        spec.fields.some((field) => field.default === 'now' && field.type === 'date') && 'today',
        spec.fields.some((field) => field.default === 'now' && field.type === 'datetime') && 'now',
      ]),
      migrationSchema: importList([
        'idColumn',
        'timestampColumns',
        (used.has('ref') || spec.access === 'owner') && 'referenceColumn',
        used.has('decimal') && 'decimalType',
        used.has('datetime') && 'dateTimeType',
        used.has('uuid') && 'uuidType',
        used.has('json') && 'jsonType',
        used.has('text') && 'textType',
      ]),
      fixturesNode: used.has('uuid') ? "import { randomUUID } from 'node:crypto';\n\n" : '',
    },
    hasEnumImports: enums.length > 0,
    enumImports: importList(enums.flatMap((e) => [e.constName])),
    hasRequiredFields: fields.some((field) => field.leftOut === null),
    hasUniqueSamples: fields.some((field) => /\bn\b/.test(field.sample)),
    refKeys: refs.map((ref) => literal(ref.property)).join(' | '),
    guarded: (spec.access ?? 'public') !== 'public',
    adminOnly: spec.access === 'admin',
    owner: spec.access === 'owner',
    ownerIndex: spec.access === 'owner' ? identifier(names.tableName, 'owner_id', 'index') : null,
  };
}

const emptyEnum: EnumView = { constName: '', typeName: '', values: '' };

function fieldView(names: DomainNames, field: FieldSpec, enumView: EnumView): FieldView {
  const facts = TYPE_FACTS[field.type];
  const spelled = fieldNames(field.name, { ref: field.type === 'ref' });
  const property = spelled.idPropertyName ?? spelled.propertyName;
  const column = columnOf(field);
  const orNull = (code: Code): Code => (field.optional ? `${code} | null` : code);
  const convert = (fn: string | undefined, value: Code): Code => (fn ? `${fn}(${value}${facts.convertArgs ?? ''})` : value);
  const [example, other] = facts.examples(field);
  const nullable = field.optional ? '.nullable()' : '';

  return {
    property,
    column,
    title: spelled.title,
    type: field.type,
    optional: field.optional,
    entityType: orNull(facts.entityType(field, enumView.typeName)),
    rowType: orNull(facts.rowType(field, enumView.typeName)),
    toInsert: convert(facts.toDb, `input.${property}`),
    toUpdate: convert(facts.toDb, `changes.${property}`),
    fromRow: convert(facts.fromDb, `row.${property}`),
    requestSchema: `${facts.requestSchema(field, enumView.constName)}${nullable}.openapi({ example: ${literal(example)} })`,
    createSchema: createSchema(names, field, property),
    responseSchema: `${facts.responseSchema(field, enumView.constName)}${nullable}.openapi({ ${facts.responseMeta ?? ''}example: ${literal(example)} })`,
    migrationColumn: migrationColumn(field),
    example: literal(example),
    otherExample: literal(other),
    sample: field.type === 'ref' ? `refs.${property}` : field.unique && facts.uniqueSample ? facts.uniqueSample(field) : field.type === 'uuid' ? 'randomUUID()' : literal(example),
    wrongType: literal(facts.wrongType),
    leftOut: leftOut(field),
    patchValue: field.unique ? `sample().${property}` : literal(other),
    listField: listField(field, enumView),
  };
}

/** The field's entry in the DTO's list query: its kind, and whether it sorts or may be null. */
function listField(field: FieldSpec, enumView: EnumView): Code | null {
  if (field.type === 'json') return null;
  const entries = [
    `kind: '${field.type === 'ref' ? 'id' : field.type}'`,
    field.type === 'enum' && `values: ${enumView.constName}`,
    field.type === 'decimal' && `precision: ${DECIMAL_PRECISION}, scale: ${DECIMAL_SCALE}`,
    field.optional && 'optional: true',
    (field.index || field.unique || field.type === 'ref') && 'sortable: true',
  ].filter(Boolean);
  return `{ ${entries.join(', ')} }`;
}

/** `productFields.stock.default(0)`: what the create schema adds to the shared field schema. */
function createSchema(names: DomainNames, field: FieldSpec, property: string): Code | null {
  const base = `${names.propertyName}Fields.${property}`;
  if (field.default === 'now') return `${base}.default(${field.type === 'date' ? 'today' : 'now'})`;
  if (field.default !== undefined) return `${base}.default(${literal(defaultValue(field))})`;
  if (field.optional) return `${base}.default(null)`;
  return null;
}

/** What a field left out of a create becomes, as the test expects it. */
function leftOut(field: FieldSpec): Code | null {
  if (field.default === 'now') return field.type === 'date' ? 'expect.stringMatching(/^\\d{4}-\\d\\d-\\d\\d$/)' : 'expect.stringMatching(/Z$/)';
  if (field.default !== undefined) return literal(defaultValue(field));
  return field.optional ? 'null' : null;
}

/** The default in the entity's JSON form (decimals with their scale). */
function defaultValue(field: FieldSpec): Sample {
  const value = field.default as Sample;
  if (field.type === 'decimal') return fixedScale(String(value));
  return value;
}

/** The column a field is stored in: `category_id` for a ref `category`, else its snake name. */
export function columnOf(field: FieldSpec): string {
  const spelled = fieldNames(field.name, { ref: field.type === 'ref' });
  return spelled.idColumnName ?? spelled.columnName;
}

/** The field's column in a create-table chain: `.addColumn(...)` or `.$call(referenceColumn(...))`. */
export function migrationColumn(field: FieldSpec): Code {
  const column = columnOf(field);
  if (field.type === 'ref') {
    const target = domainNames(field.ref ?? field.name).tableName;
    const options = field.optional ? '' : ', { notNull: true }';
    return `.$call(referenceColumn('${column}', '${target}'${options}))`;
  }
  const modifiers = [
    !field.optional && '.notNull()',
    field.unique && '.unique()',
    portableDefault(field) !== undefined && `.defaultTo(${portableDefault(field)})`,
  ].filter(Boolean);
  const builder = modifiers.length > 0 ? `, (col) => col${modifiers.join('')}` : '';
  return `.addColumn('${column}', ${TYPE_FACTS[field.type].sqlType(field)}${builder})`;
}

/**
 * The column default, when both databases take it as a literal: `now` depends on the
 * session's time zone on MySQL, and MySQL 8 refuses literal defaults on TEXT; those come
 * from the create schema alone (as every default does for requests).
 */
export function portableDefault(field: FieldSpec): Code | undefined {
  const value = storedDefault(field);
  return value === undefined || field.type === 'text' ? undefined : literal(value);
}

/**
 * A literal default as the column stores it (datetimes as `YYYY-MM-DD HH:MM:SS`, decimals with
 * their scale): what a column default holds and what `change` back-fills. Undefined for no
 * default and for `now`, which each database spells its own way.
 */
export function storedDefault(field: FieldSpec): Sample | undefined {
  if (field.default === undefined || field.default === 'now') return undefined;
  if (field.type === 'datetime') return String(field.default).replace('T', ' ').replace('Z', '');
  return defaultValue(field);
}

/**
 * A ref's list under its target (`/categories/{id}/products`): named after the target, unless
 * the domain has two refs to it (`buyer` and `seller` → `/customers/{id}/orders-by-seller`).
 */
function refView(names: DomainNames, field: FieldSpec, refFields: readonly FieldSpec[]): RefView {
  const target = domainNames(field.ref ?? field.name);
  const spelled = fieldNames(field.name, { ref: true });
  const shared = refFields.filter((other) => (other.ref ?? other.name) === (field.ref ?? field.name)).length > 1;
  const segment = shared ? `${names.pluralKebab}-by-${kebabCase(field.name)}` : names.pluralKebab;
  return {
    reversePath: `/api/v1/${target.pluralKebab}/{id}/${segment}`,
    reverseRoutePath: `/api/v1/${target.pluralKebab}/:id/${segment}`,
    reversePathOfOne: `/api/v1/${target.pluralKebab}/1/${segment}`,
    reverseOperation: `list${names.pluralClass}By${pascalCase(field.name)}`,
    property: spelled.idPropertyName ?? '',
    className: target.className,
    tableName: target.tableName,
    fileName: target.fileName,
    title: target.title,
    aTitle: withArticle(target.title),
    self: target.fileName === names.fileName,
    optional: field.optional,
    seedValue: target.fileName === names.fileName ? 'null' : `(await seed${target.className}(db)).id`,
  };
}

/** The index a field gets (`index`, and every ref, for the foreign key's lookups). */
export function indexView(names: DomainNames, field: FieldSpec): IndexView {
  const column = columnOf(field);
  return { name: identifier(names.tableName, column, 'index'), column };
}

function enumTypeName(names: DomainNames, field: FieldSpec): string {
  return `${names.className}${pascalCase(field.name)}`;
}

function enumView(names: DomainNames, field: FieldSpec): EnumView {
  return {
    constName: `${names.constantName}_${constantCase(pluralize.plural(field.name))}`,
    typeName: enumTypeName(names, field),
    values: (field.values ?? []).map((value) => literal(value)).join(', '),
  };
}

function columnTypeImport(rowType: Code): string | false {
  return /^[A-Z]\w*Column$/.test(rowType) && rowType;
}

function schemaImport(schema: Code): string | false {
  return /^[a-z]\w*Schema$/.test(schema.split('(')[0] ?? '') && (schema.split('(')[0] ?? '');
}

function fixedScale(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole}.${fraction.padEnd(DECIMAL_SCALE, '0')}`;
}

function withArticle(title: string): string {
  return `${/^[aeiou]/.test(title) ? 'an' : 'a'} ${title}`;
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}
