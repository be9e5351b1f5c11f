import { access } from 'node:fs/promises';
import path from 'node:path';

import { databaseUrl, runInProject } from '../generate/migration-status.js';
import type { Manifest } from '../manifest.js';
import { domainNames, fieldNames } from '../spec/index.js';
import { finding, type Finding } from './finding.js';

interface TableColumns {
  name: string;
  columns: string[];
}

// Runs inside the project: Kysely's own introspection over the project's own drivers.
const INTROSPECT = `
const [url] = process.argv.slice(1);
const { Kysely, SqliteDialect, MysqlDialect, PostgresDialect } = await import('kysely');
let dialect;
if (url.startsWith('sqlite:')) {
  const { default: Database } = await import('better-sqlite3');
  dialect = new SqliteDialect({ database: new Database(url.slice('sqlite:'.length), { readonly: true, fileMustExist: true }) });
} else if (/^postgres(ql)?:/.test(url)) {
  const { default: pg } = await import('pg');
  dialect = new PostgresDialect({ pool: new pg.Pool({ connectionString: url, connectionTimeoutMillis: 2000, max: 1 }) });
} else {
  const { createPool } = await import('mysql2');
  dialect = new MysqlDialect({ pool: createPool({ uri: url, connectTimeout: 2000, connectionLimit: 1 }) });
}
const db = new Kysely({ dialect });
try {
  const tables = await db.introspection.getTables();
  process.stdout.write(JSON.stringify(tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }))));
} finally {
  await db.destroy();
}
`;

/**
 * When the project's database can be reached, each domain's table must exist with every column
 * its Kysely table type declares: id, the fields' columns (`<ref>_id` for a ref), created_at and
 * updated_at. Returns the findings, or a note saying why the database was not looked at.
 */
export async function checkDatabase(root: string, manifests: Manifest[]): Promise<{ findings: Finding[]; note?: string }> {
  if (manifests.length === 0) return { findings: [] };
  const url = await databaseUrl(root);
  if (!url) return { findings: [], note: 'database not checked: no DATABASE_URL in the environment or .env' };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === ':memory:' || file === '') return { findings: [], note: 'database not checked: DATABASE_URL is an in-memory SQLite database' };
    const exists = await access(path.resolve(root, file)).then(
      () => true,
      () => false,
    );
    if (!exists) return { findings: [], note: `database not checked: ${file} does not exist yet (npm run migrate creates it)` };
  }
  const result = await runInProject(root, INTROSPECT, [url]);
  if (!result.ok) {
    const reason = result.stderr.trim().split('\n').find((line) => /error/i.test(line)) ?? 'it could not be reached';
    return { findings: [], note: `database not checked: ${reason.trim()}` };
  }
  const tables = new Map((JSON.parse(result.stdout) as TableColumns[]).map((table) => [table.name, new Set(table.columns)]));
  return { findings: manifests.flatMap((manifest) => compare(manifest, tables)) };
}

/** The columns a domain's table type declares, as Kysely's CamelCasePlugin spells them. */
export function expectedColumns(manifest: Manifest): string[] {
  const fields = manifest.spec.fields.map((field) => {
    const names = fieldNames(field.name, { ref: field.type === 'ref' });
    return names.idColumnName ?? names.columnName;
  });
  return ['id', ...fields, 'created_at', 'updated_at'];
}

function compare(manifest: Manifest, tables: Map<string, Set<string>>): Finding[] {
  const table = domainNames(manifest.spec.name).tableName;
  const columns = tables.get(table);
  const latest = manifest.migrations.at(-1);
  const hint = `Run npm run migrate (its latest migration is ${latest}).`;
  if (!columns) {
    return [finding('TABLE_MISSING', `${manifest.spec.name}: the database has no table "${table}".`, hint, manifest.migrations[0])];
  }
  const missing = expectedColumns(manifest).filter((column) => !columns.has(column));
  if (missing.length === 0) return [];
  return [
    finding(
      'COLUMNS_MISSING',
      `${manifest.spec.name}: table "${table}" lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
      `${hint} If the domain was changed by hand after its migrations ran, make the change with layered change, which writes the migration.`,
      latest,
    ),
  ];
}
