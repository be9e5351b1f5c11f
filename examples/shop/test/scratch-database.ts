import { randomBytes } from 'node:crypto';

import { createConnection } from 'mysql2/promise';
import pg from 'pg';

/**
 * Global setup of every test run: when `TEST_DATABASE_URL` names a MySQL/MariaDB or PostgreSQL
 * database, the run works in a scratch database of its own on that server, dropped when the run
 * ends, so the tests leave no tables or rows behind. Without the right to create databases, the
 * tests use the one named, and their rows stay in it.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.TEST_DATABASE_URL;
  const run = url === undefined ? undefined : administer(url);
  if (url === undefined || run === undefined) return undefined;
  const given = new URL(url);
  const name = `${decodeURIComponent(given.pathname.slice(1)).slice(0, 40) || 'test'}_run_${randomBytes(4).toString('hex')}`;
  const quoted = url.startsWith('mysql://') ? `\`${name}\`` : `"${name}"`;

  try {
    await run(`CREATE DATABASE ${quoted}`);
  } catch (error) {
    // The host and name only: the URL may hold a password.
    console.warn(
      `No scratch database (${(error as Error).message}): the tests use ${given.pathname.slice(1)} on ${given.host} and leave their rows in it.`,
    );
    return undefined;
  }
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  // Test workers start after this setup and inherit its environment.
  process.env.TEST_DATABASE_URL = scratch.toString();
  return async () => {
    process.env.TEST_DATABASE_URL = url;
    await run(`DROP DATABASE IF EXISTS ${quoted}`);
  };
}

/** Runs one statement on the server of `url`, on a connection of its own. */
function administer(url: string): ((statement: string) => Promise<void>) | undefined {
  if (url.startsWith('mysql://')) {
    const server = new URL(url);
    server.pathname = '/';
    return async (statement) => {
      const connection = await createConnection({ uri: server.toString(), connectTimeout: 5_000 });
      try {
        await connection.query(statement);
      } finally {
        await connection.end();
      }
    };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    // Connected to the database named: PostgreSQL drops a database only from another one.
    return async (statement) => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
  }
  return undefined;
}
