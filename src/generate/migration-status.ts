import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** Whether a migration may be deleted, and why not when it may not. */
export type MigrationStatus = { deletable: true } | { deletable: false; reason: string };

/**
 * A migration may be deleted only when nobody can have run it: it is not committed to git (a
 * teammate or CI may have applied it) and the project's database does not list it as applied.
 * When the database cannot be asked, we keep the file: a spare drop migration is harmless, a
 * deleted applied one leaves a table no migration knows about.
 */
export async function migrationStatus(root: string, file: string): Promise<MigrationStatus> {
  if (await committed(root, file)) return { deletable: false, reason: `${file} is committed to git` };
  const name = path.posix.basename(file, '.ts');
  const applied = await appliedInDatabase(root, name);
  if (applied === 'applied') return { deletable: false, reason: `${name} is applied in the project's database` };
  if (applied === 'unknown') return { deletable: false, reason: `the project's database could not be asked whether ${name} was applied` };
  return { deletable: true };
}

async function committed(root: string, file: string): Promise<boolean> {
  const { execa } = await import('execa');
  const result = await execa('git', ['cat-file', '-e', `HEAD:${file}`], { cwd: root, reject: false, stdin: 'ignore' });
  return result.exitCode === 0;
}

/** The project's DATABASE_URL: the environment wins over the project's `.env`, as in the project itself. */
export async function databaseUrl(root: string): Promise<string | undefined> {
  if (process.env['DATABASE_URL']) return process.env['DATABASE_URL'];
  const env = await readFile(path.join(root, '.env'), 'utf8').catch(() => '');
  return parseEnv(env)['DATABASE_URL'];
}

// Runs inside the project with its own drivers, so the CLI carries no database dependency.
const QUERY = `
const [url, name] = process.argv.slice(1);
let rows;
if (url.startsWith('sqlite:')) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(url.slice('sqlite:'.length), { readonly: true, fileMustExist: true });
  const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  rows = table ? db.prepare('select name from kysely_migration where name = ?').all(name) : [];
} else if (/^postgres(ql)?:/.test(url)) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    const table = await client.query("select to_regclass('kysely_migration') as name");
    rows = table.rows[0].name ? (await client.query('select name from kysely_migration where name = $1', [name])).rows : [];
  } finally {
    await client.end();
  }
} else {
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({ uri: url, connectTimeout: 2000 });
  const [tables] = await connection.query("show tables like 'kysely_migration'");
  rows = tables.length ? (await connection.query('select name from kysely_migration where name = ?', [name]))[0] : [];
  await connection.end();
}
process.stdout.write(rows.length ? 'applied' : 'not-applied');
`;

async function appliedInDatabase(root: string, name: string): Promise<'applied' | 'not-applied' | 'unknown'> {
  const url = await databaseUrl(root);
  if (!url) return 'unknown';
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === ':memory:') return 'not-applied';
    const exists = await access(path.resolve(root, file)).then(() => true, () => false);
    if (!exists) return 'not-applied';
  }
  const result = await runInProject(root, QUERY, [url, name]);
  return result.ok && (result.stdout === 'applied' || result.stdout === 'not-applied') ? result.stdout : 'unknown';
}

/**
 * Runs a small ES module script inside the project (`cwd` is its root), so its imports resolve
 * to the project's own node_modules (better-sqlite3, mysql2, pg, kysely) and the CLI needs none.
 * `process.argv.slice(1)` in the script is `args`.
 */
export async function runInProject(root: string, script: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const { execa } = await import('execa');
  const result = await execa('node', ['--input-type=module', '-e', script, ...args], { cwd: root, reject: false, stdin: 'ignore', timeout: 10_000 });
  return { ok: result.exitCode === 0, stdout: String(result.stdout), stderr: String(result.stderr) };
}
