import { randomBytes } from 'node:crypto';

import { execa } from 'execa';

/** The machine's MariaDB (DESIGN.md: root, empty password, 127.0.0.1:3306). */
const server = { host: '127.0.0.1', port: 3306, user: 'root' };

/**
 * Creates a private database on the shared MariaDB so concurrent runs never see each other's
 * tables; returns its URL and a function that drops it.
 */
export async function createScratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await sql(`CREATE DATABASE \`${name}\``);
  return {
    url: `mysql://${server.user}@${server.host}:${server.port}/${name}`,
    drop: () => sql(`DROP DATABASE IF EXISTS \`${name}\``),
  };
}

async function sql(statement: string): Promise<void> {
  await execa('mariadb', ['--user', server.user, '--host', server.host, '--port', String(server.port), '-e', statement]);
}
