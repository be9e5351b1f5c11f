import SqliteDatabase from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  MysqlDialect,
  sql,
  SqliteDialect,
  type Dialect,
  type KyselyPlugin,
  type UnknownRow,
} from 'kysely';
import { createPool } from 'mysql2';

import { ServiceUnavailableError } from '../domain/errors.js';

/**
 * Every table in the schema. Each domain adds its own by declaration merging:
 *
 * @example
 * declare module '../../_core/infrastructure/database.js' {
 *   interface Database {
 *     product: ProductTable;
 *   }
 * }
 */
export interface Database {}

/** `sqlite:./dev.db`, `sqlite::memory:` or `mysql://user:pass@host:3306/db`. */
export function createDatabase(url: string): Kysely<Database> {
  const plugins: KyselyPlugin[] = [new CamelCasePlugin()];
  if (url.startsWith('sqlite:')) plugins.push(exactIntegers);
  return new Kysely<Database>({ dialect: createDialect(url), plugins });
}

function createDialect(url: string): Dialect {
  if (url.startsWith('sqlite:')) {
    const database = new SqliteDatabase(url.slice('sqlite:'.length));
    database.pragma('foreign_keys = ON');
    // The default rollback journal syncs the disk on every commit, blocking the event loop
    // (~4 ms a write, ~180 requests/s under load); the write-ahead log lets readers run
    // alongside the writer and commits in microseconds.
    if (!database.memory) database.pragma('journal_mode = WAL');
    // Integers past 2^53 would silently lose digits as numbers; see `exactIntegers`.
    database.defaultSafeIntegers(true);
    return new SqliteDialect({ database });
  }
  if (url.startsWith('mysql://')) {
    return new MysqlDialect({
      pool: createPool({
        uri: url,
        timezone: 'Z',
        dateStrings: ['DATE'],
        supportBigNumbers: true,
        bigNumberStrings: true,
        connectTimeout: 5_000,
      }),
    });
  }
  throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(':')[0]}`);
}

/**
 * With safe integers on, better-sqlite3 returns every integer as a bigint. This plugin gives
 * back numbers where they are exact and strings beyond 2^53, as mysql2 does for BIGINT.
 */
const exactIntegers: KyselyPlugin = {
  transformQuery: ({ node }) => node,
  transformResult: async ({ result }) => ({ ...result, rows: result.rows.map(exactRow) }),
};

function exactRow(row: UnknownRow): UnknownRow {
  const converted: UnknownRow = {};
  for (const [key, value] of Object.entries(row)) {
    converted[key] = typeof value === 'bigint' ? exactInteger(value) : value;
  }
  return converted;
}

function exactInteger(value: bigint): number | string {
  const asNumber = Number(value);
  return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
}

/** Resolves when the database answers `select 1` within `timeoutMs`; a hung pool cannot stall it. */
export async function pingDatabase(db: Kysely<Database>, timeoutMs = 1_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([sql`select 1`.execute(db), timeout]);
  } catch (error) {
    throw new ServiceUnavailableError('The database is unavailable.', { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
