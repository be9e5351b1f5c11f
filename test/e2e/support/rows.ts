import { execa } from 'execa';

export type Row = Record<string, string | null>;

// Runs inside the project with its own drivers; every value comes back as a string (or null), so
// SQLite, MariaDB and PostgreSQL compare alike.
const QUERY = `
const [url, statement] = process.argv.slice(1);
let rows;
if (url.startsWith('sqlite:')) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(url.slice('sqlite:'.length));
  const prepared = db.prepare(statement);
  rows = prepared.reader ? prepared.all() : (prepared.run(), []);
  db.close();
} else if (/^postgres(ql)?:/.test(url)) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, types: { getTypeParser: () => (value) => value } });
  await client.connect();
  try {
    rows = (await client.query(statement)).rows;
  } finally {
    await client.end();
  }
} else {
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({ uri: url, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
  [rows] = await connection.query(statement);
  await connection.end();
}
const text = (value) => (value === null ? null : String(value));
process.stdout.write(JSON.stringify(Array.isArray(rows) ? rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, text(v)]))) : []));
`;

/** Runs one SQL statement on the project's database through the project's own driver. */
export async function runSql(projectDir: string, url: string, statement: string): Promise<Row[]> {
  const result = await execa('node', ['--input-type=module', '-e', QUERY, url, statement], { cwd: projectDir, reject: false });
  if (result.exitCode !== 0) throw new Error(`${statement}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Row[];
}
