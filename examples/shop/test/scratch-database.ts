import { randomBytes } from 'node:crypto';

import { createConnection } from 'mysql2/promise';

/**
 * Global setup of every test run: when `TEST_DATABASE_URL` names a MySQL/MariaDB database, the
 * run works in a scratch database of its own on that server, dropped when the run ends, so
 * the tests leave no tables or rows behind. Without the right to create databases, the tests
 * use the one named, and their rows stay in it.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url?.startsWith('mysql://')) return undefined;
  const given = new URL(url);
  const name = `${decodeURIComponent(given.pathname.slice(1)).slice(0, 40) || 'test'}_run_${randomBytes(4).toString('hex')}`;
  const server = new URL(url);
  server.pathname = '/';
  const run = async (statement: string): Promise<void> => {
    const connection = await createConnection({ uri: server.toString(), connectTimeout: 5_000 });
    try {
      await connection.query(statement);
    } finally {
      await connection.end();
    }
  };

  try {
    await run(`CREATE DATABASE \`${name}\``);
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
    await run(`DROP DATABASE IF EXISTS \`${name}\``);
  };
}
