import { randomBytes } from 'node:crypto';

import { execa } from 'execa';

/** The machine's PostgreSQL (DESIGN.md section 7: trust auth, 127.0.0.1:5432, database `test`). */
const server = { host: '127.0.0.1', port: 5432, user: 'postgres', maintenance: 'test' };

/**
 * Creates a private database on the shared PostgreSQL so concurrent runs never see each other's
 * tables; returns its URL and a function that drops it (closing any connection left open).
 */
export async function createScratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await sql(`CREATE DATABASE "${name}"`);
  return {
    url: `postgres://${server.user}@${server.host}:${server.port}/${name}`,
    drop: () => sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function sql(statement: string): Promise<void> {
  await execa('psql', ['--no-psqlrc', '--quiet', '--set', 'ON_ERROR_STOP=1', '--host', server.host, '--port', String(server.port), '--username', server.user, '--dbname', server.maintenance, '--command', statement]);
}
