import { createScratchDatabase as createMysqlDatabase } from './mysql.js';
import { createScratchDatabase as createPostgresDatabase } from './postgres.js';

/** A scratch database on one of the machine's servers: its URL, and how to drop it. */
export type ScratchDatabase = Awaited<ReturnType<typeof createMysqlDatabase>>;

/** Scratch databases by dialect, as generated projects name them in `DATABASE_URL`. */
export const SCRATCH = { mysql: createMysqlDatabase, postgres: createPostgresDatabase } as const;

/** The machine's database servers, for `it.each` / `describe.each`: [label, scratch database]. */
export const SERVERS = [
  ['MariaDB', createMysqlDatabase],
  ['PostgreSQL', createPostgresDatabase],
] as const;
