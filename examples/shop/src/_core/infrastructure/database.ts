import SqliteDatabase from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  MysqlDialect,
  PostgresDialect,
  sql,
  SqliteDialect,
  type Dialect,
  type KyselyPlugin,
  type SqliteDatabase as SqliteDialectDatabase,
  type UnknownRow,
} from 'kysely';
import { createPool } from 'mysql2';
import pg from 'pg';

import { ServiceUnavailableError } from '../domain/errors.js';
import {
  boundedMysqlPool,
  boundedPostgresPool,
  DEFAULT_POOL_OPTIONS,
  type PoolOptions,
} from './bounded-pool.js';

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

/**
 * `sqlite:./dev.db`, `sqlite::memory:`, `mysql://user:pass@host:3306/db` or
 * `postgres://user:pass@host:5432/db` (`postgresql://` too).
 */
export function createDatabase(
  url: string,
  options: PoolOptions = DEFAULT_POOL_OPTIONS,
): Kysely<Database> {
  const plugins: KyselyPlugin[] = [new CamelCasePlugin()];
  if (url.startsWith('sqlite:')) plugins.push(exactIntegers);
  return new Kysely<Database>({ dialect: createDialect(url, options), plugins });
}

/** True for `postgres://` and `postgresql://` URLs. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

function createDialect(url: string, options: PoolOptions): Dialect {
  if (url.startsWith('sqlite:')) {
    // SQLite runs in this process and never waits on a network; a lock held by another
    // process is waited for at most `acquireTimeoutMs` (SQLITE_BUSY then answers 503).
    const database = new SqliteDatabase(url.slice('sqlite:'.length), {
      timeout: options.acquireTimeoutMs,
    });
    database.pragma('foreign_keys = ON');
    // The default rollback journal syncs the disk on every commit, blocking the event loop
    // (~4 ms a write, ~180 requests/s under load); the write-ahead log lets readers run
    // alongside the writer and commits in microseconds.
    if (!database.memory) database.pragma('journal_mode = WAL');
    // Integers past 2^53 would silently lose digits as numbers; see `exactIntegers`.
    database.defaultSafeIntegers(true);
    return new SqliteDialect({ database: withStatementCache(database) });
  }
  if (url.startsWith('mysql://')) {
    const pool = createPool({
      uri: url,
      timezone: 'Z',
      dateStrings: ['DATE'],
      supportBigNumbers: true,
      bigNumberStrings: true,
      connectionLimit: options.poolSize,
      connectTimeout: options.acquireTimeoutMs,
    });
    return new MysqlDialect({ pool: boundedMysqlPool(pool, options) });
  }
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize,
      connectionTimeoutMillis: options.acquireTimeoutMs,
      // Sessions in UTC: TIMESTAMPTZ values written as `YYYY-MM-DD HH:MM:SS.mmm` mean UTC,
      // as DATETIME does on MySQL.
      options: '-c TimeZone=UTC',
      types: { getTypeParser: postgresTypeParser },
    });
    // A pooled connection that breaks while idle is dropped by the pool, and the next query
    // opens another; without a listener its 'error' event would end the process.
    pool.on('error', () => undefined);
    return new PostgresDialect({ pool: boundedPostgresPool(pool, options) });
  }
  throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(':')[0]}`);
}

/** Most distinct statements kept compiled; an app's queries are few, a runaway loop's are not. */
const MAX_STATEMENTS = 500;

/**
 * better-sqlite3 compiles SQL on every `prepare`, and Kysely prepares every query it runs; an
 * app's queries are few and repeat, so each is compiled once (a tenth of the time of a 20-row
 * list). A statement runs to completion before the next query starts, as Kysely's `execute`
 * reads all rows at once; only a `stream()` of a query that the same loop runs again would
 * find its statement busy.
 */
function withStatementCache(database: SqliteDatabase.Database): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

const { builtins } = pg.types;
/** Types read as the text PostgreSQL sends, to give the JSON forms MySQL and SQLite give. */
const AS_TEXT = new Set<number>([
  builtins.DATE, // pg would make a Date at local midnight; the API answers `YYYY-MM-DD`.
  builtins.JSON, // column-values.ts parses JSON text, whatever the database.
  builtins.JSONB,
]);
const asText = (value: string) => value;

/** pg's own parsers, but for the types in `AS_TEXT`; set per pool, not on pg's shared defaults. */
const postgresTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  AS_TEXT.has(oid) ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

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
