import { TYPE_FACTS, type Code } from '../render/domain-view/field-types.js';
import { importList, literal } from '../render/domain-view/code.js';
import { columnOf, indexView, migrationColumn, portableDefault, storedDefault } from '../render/domain-view.js';
import { DEFAULT_STRING_MAX, domainNames, type DomainNames, type DomainSpec, type FieldSpec } from '../spec/index.js';
import { changesSchema, type ColumnChange } from './column-changes.js';

/** The template variables of `templates/alter-migration/alter.ts.hbs`. */
export interface AlterMigrationView {
  summary: string;
  up: Code;
  down: Code;
  schemaImports: string;
  alterImports: string;
  usesDialect: boolean;
  /** The import of Kysely itself: `sql` too when a rebuilt column is filled by an expression. */
  kyselyImport: string;
}

/**
 * The `up` and `down` of an ALTER migration, as TypeScript over Kysely's schema builder and the
 * project's `_core/infrastructure/alter-table.ts`. `down` is `up` computed the other way round,
 * so the two cannot drift apart.
 */
export function alterMigrationView(before: DomainSpec, after: DomainSpec, changes: readonly ColumnChange[]): AlterMigrationView {
  const names = domainNames(after.name);
  const reversed = changes.map(({ before: b, after: a }) => ({ ...(a ? { before: a } : {}), ...(b ? { after: b } : {}) }));
  const up = body(names, after, changes);
  const down = body(names, before, reversed);
  const code = `${up.code}\n${down.code}`;
  const uses = (name: string): string | false => new RegExp(`\\b${name}\\b`).test(code) && name;
  return {
    summary: summary(changes),
    up: up.code,
    down: down.code,
    schemaImports: importList(['idColumn', 'timestampColumns', 'referenceColumn', 'decimalType', 'dateTimeType', 'uuidType', 'jsonType', 'textType'].map(uses)),
    alterImports: importList(['rebuildTable', 'alterColumn', 'fillNulls', 'addReference', 'dropColumn', 'addUnique', 'dropUnique', 'dropIndex', 'renameIndex'].map(uses)),
    usesDialect: /\bdialectOf\b/.test(code),
    kyselyImport: /\bsql`/.test(code) ? "import { sql, type Kysely } from 'kysely';" : "import type { Kysely } from 'kysely';",
  };
}

/** What the migration does, in words, for its doc comment: adds, drops, renames, then alters. */
function summary(changes: readonly ColumnChange[]): string {
  const relevant = changes.filter(changesSchema);
  return [
    ...relevant.flatMap(({ before, after }) => (!before && after ? [`adds ${after.name}`] : [])),
    ...relevant.flatMap(({ before, after }) => (before && after && before.name !== after.name ? [`renames ${before.name} to ${after.name}`] : [])),
    ...relevant.flatMap(({ before, after }) => (before && after ? alterations(before, after) : [])),
    ...relevant.flatMap(({ before, after }) => (before && !after ? [`drops ${before.name}`] : [])),
  ].join(', ');
}

function alterations(before: FieldSpec, after: FieldSpec): string[] {
  const name = after.name;
  const max = (field: FieldSpec) => field.max ?? DEFAULT_STRING_MAX;
  return [
    before.type !== after.type && `changes ${name} from ${before.type} to ${after.type}`,
    before.type === 'string' && after.type === 'string' && max(before) !== max(after) && `changes ${name}'s max from ${max(before)} to ${max(after)}`,
    before.optional !== after.optional && `makes ${name} ${after.optional ? 'optional' : 'required'}`,
    before.unique !== after.unique && (after.unique ? `makes ${name} unique` : `lets ${name} repeat`),
    before.index !== after.index && (after.index ? `indexes ${name}` : `drops ${name}'s index`),
    before.default !== after.default && (after.default === undefined ? `drops ${name}'s default` : `defaults ${name} to ${String(after.default)}`),
    JSON.stringify(before.values) !== JSON.stringify(after.values) && `changes ${name}'s values to ${(after.values ?? []).join(', ')}`,
  ].filter((phrase): phrase is string => typeof phrase === 'string');
}

/** The statements that take the table from the `before` sides of `changes` to `target`. */
function body(names: DomainNames, target: DomainSpec, changes: readonly ColumnChange[]): { code: Code } {
  const table = literal(names.tableName);
  const relevant = changes.filter(changesSchema);
  const indexOnly = relevant.every(({ before, after }) => before && after && sameColumn(before, after) && before.name === after.name && before.unique === after.unique);
  const statements = inPlace(names, table, relevant);
  if (indexOnly) return { code: statements.join('\n') };
  return {
    code: [`if (dialectOf(db) === 'sqlite') {`, `  ${rebuild(names, table, target, changes)}`, '  return;', '}', ...statements].join('\n'),
  };
}

/** The SQLite rebuild: the whole target table, and where each of its columns comes from. */
function rebuild(names: DomainNames, table: Code, target: DomainSpec, changes: readonly ColumnChange[]): Code {
  const columns = [
    `id: 'id'`,
    ...target.fields.map((field) => `${columnOf(field)}: ${copySource(changes.find((change) => change.after === field)?.before, field)}`),
    `created_at: 'created_at'`,
    `updated_at: 'updated_at'`,
  ];
  const indexes = target.fields.filter((field) => field.index || field.type === 'ref').map((field) => indexView(names, field));
  return `await rebuildTable(db, ${table}, {
    define: (table) => table.$call(idColumn(db))${target.fields.map((field) => migrationColumn(field)).join('')}.$call(timestampColumns(db)),
    columns: { ${columns.join(', ')} },
    indexes: [${indexes.map((index) => `{ name: ${literal(index.name)}, column: ${literal(index.column)} }`).join(', ')}],
  });`;
}

/**
 * Where a rebuilt column's values come from: the old column's name when they are copied as they
 * are, else a `sql` expression over the old row (a conversion, a back-fill, a default).
 */
function copySource(source: FieldSpec | undefined, field: FieldSpec): Code {
  if (!source) return sqlCode(fillSql(field) ?? 'NULL');
  const column = `"${columnOf(source)}"`;
  const converted = convertSql(source, field, column);
  const fill = source.optional && !field.optional ? fillSql(field) : undefined;
  if (fill !== undefined) return sqlCode(`coalesce(${converted}, ${fill})`);
  return converted === column ? literal(columnOf(source)) : sqlCode(converted);
}

/** SQL as a Kysely `sql` template literal in the generated code. */
function sqlCode(text: string): Code {
  return `sql\`${text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${')}\``;
}

function convertSql(source: FieldSpec, field: FieldSpec, column: string): string {
  if (source.type === field.type) return column;
  if (field.type === 'decimal') return `printf('%.2f', ${column})`;
  if (field.type === 'int' || field.type === 'bigint') return `CAST(${column} AS INTEGER)`;
  if (field.type === 'float') return `CAST(${column} AS REAL)`;
  if (field.type === 'string' || field.type === 'text') return `CAST(${column} AS TEXT)`;
  return column;
}

/** The field's default as SQLite SQL, for rows that have no value. */
function fillSql(field: FieldSpec): string | undefined {
  if (field.default === undefined) return undefined;
  if (field.default === 'now') return field.type === 'date' ? `date('now')` : `strftime('%Y-%m-%d %H:%M:%f', 'now')`;
  const value = storedDefault(field) ?? null;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

function fillCode(field: FieldSpec): Code {
  if (field.default === 'now') return `{ now: '${field.type === 'date' ? 'date' : 'datetime'}' }`;
  return literal(storedDefault(field) ?? null);
}

/** MySQL and PostgreSQL: renames, drops, adds, then column and index changes, in place. */
function inPlace(names: DomainNames, table: Code, changes: readonly ColumnChange[]): Code[] {
  const out: Code[] = [];
  const alter = `await db.schema.alterTable(${table})`;
  const indexName = (field: FieldSpec): Code => literal(indexView(names, field).name);
  const indexed = (field: FieldSpec): boolean => field.index || field.type === 'ref';
  for (const { before, after } of changes) {
    if (!before || !after || before.name === after.name) continue;
    out.push(`${alter}.renameColumn(${literal(columnOf(before))}, ${literal(columnOf(after))}).execute();`);
    if (indexed(before)) out.push(`await renameIndex(db, ${table}, ${indexName(before)}, ${indexName({ ...before, name: after.name })});`);
  }
  for (const { before, after } of changes) {
    if (before && !after) out.push(`await dropColumn(db, ${table}, ${literal(columnOf(before))});`);
  }
  for (const { before, after } of changes) {
    if (before || !after) continue;
    const column = literal(columnOf(after));
    if (after.type === 'ref') {
      out.push(`await addReference(db, ${table}, ${column}, ${literal(domainNames(after.ref ?? after.name).tableName)});`);
    } else if (!after.optional && portableDefault(after) === undefined) {
      // MySQL takes no literal default for TEXT and no portable `now`: fill, then require.
      out.push(`${alter}${migrationColumn({ ...after, optional: true, unique: false })}.execute();`);
      out.push(`await fillNulls(db, ${table}, ${column}, ${fillCode(after)});`);
      out.push(`await alterColumn(db, ${table}, ${column}, ${TYPE_FACTS[after.type].sqlType(after)}, { notNull: true });`);
      if (after.unique) out.push(`await addUnique(db, ${table}, ${column});`);
    } else {
      out.push(`${alter}${migrationColumn(after)}.execute();`);
    }
    if (indexed(after)) out.push(`await db.schema.createIndex(${indexName(after)}).on(${table}).column(${column}).execute();`);
  }
  for (const { before, after } of changes) {
    if (!before || !after) continue;
    const column = literal(columnOf(after));
    if (!sameColumn(before, after)) {
      if (before.optional && !after.optional && after.default !== undefined) out.push(`await fillNulls(db, ${table}, ${column}, ${fillCode(after)});`);
      const type = after.type === 'ref' ? `'integer'` : TYPE_FACTS[after.type].sqlType(after);
      const fallback = portableDefault(after);
      out.push(`await alterColumn(db, ${table}, ${column}, ${type}, { notNull: ${!after.optional}${fallback === undefined ? '' : `, default: ${fallback}`} });`);
    }
    if (!before.unique && after.unique) out.push(`await addUnique(db, ${table}, ${column});`);
    if (before.unique && !after.unique) out.push(`await dropUnique(db, ${table}, ${column});`);
    if (indexed(before) && !indexed(after)) out.push(`await dropIndex(db, ${table}, ${indexName(after)});`);
    if (!indexed(before) && indexed(after)) out.push(`await db.schema.createIndex(${indexName(after)}).on(${table}).column(${column}).execute();`);
  }
  return out;
}

/** Whether two sides of a field have the same column definition (type, nullability, default). */
function sameColumn(before: FieldSpec, after: FieldSpec): boolean {
  const definition = (field: FieldSpec) =>
    JSON.stringify([field.type === 'ref' ? 'integer' : TYPE_FACTS[field.type].sqlType(field), field.optional, portableDefault(field)]);
  return definition(before) === definition(after);
}
