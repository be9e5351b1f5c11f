import type {
  MysqlPool,
  MysqlPoolConnection,
  MysqlQueryResult,
  PostgresPool,
  PostgresPoolClient,
} from 'kysely';
import type { Pool as MysqlDriverPool, PoolConnection } from 'mysql2';
import type { Pool as PostgresDriverPool } from 'pg';

/*
 * A database that stops answering without refusing (a dropped route, a stalled proxy, a
 * server frozen mid-query) would leave a request waiting forever: neither driver bounds a
 * query, and mysql2 does not bound the wait for a free connection. These wrappers give the
 * pools Kysely uses a bound on both, and throw a connection that timed out away rather than
 * hand it to the next request, which would wait behind the query still stuck on it.
 */

export interface DatabaseBounds {
  /** How long a request waits for a connection, new or from the pool. */
  acquireTimeoutMs: number;
  /** How long one statement may take, from sending it to its last row; 0 for no bound. */
  queryTimeoutMs: number;
}

/** How many connections a pool opens, and how long a connection or a query may take. */
export interface PoolOptions extends DatabaseBounds {
  poolSize: number;
}

export const DEFAULT_POOL_OPTIONS: PoolOptions = {
  poolSize: 10,
  acquireTimeoutMs: 5_000,
  queryTimeoutMs: 10_000,
};

/** A bound was hit; the error handler answers 503, as for a refused connection. */
export class DatabaseTimeoutError extends Error {
  override name = 'DatabaseTimeoutError';
  readonly code = 'DATABASE_TIMEOUT';
}

/**
 * Settles as `promise` does, or rejects with a DatabaseTimeoutError after `ms`. A value that
 * arrives too late is handed to `discard` (a connection nobody waits for any more).
 */
function within<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
  discard?: (late: T) => void,
): Promise<T> {
  if (ms <= 0) return promise;
  return new Promise<T>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new DatabaseTimeoutError(`No ${what} within ${ms} ms`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (timedOut) discard?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!timedOut) reject(error);
      },
    );
  });
}

/** A `pg` pool for Kysely's PostgresDialect, with `bounds` on acquiring and on each query. */
export function boundedPostgresPool(
  pool: PostgresDriverPool,
  bounds: DatabaseBounds,
): PostgresPool {
  return {
    async connect() {
      const client = await within(pool.connect(), bounds.acquireTimeoutMs, 'connection', (late) =>
        late.release(),
      );
      let broken: Error | undefined;
      // The connection may drop while the client is checked out between two queries; pg then
      // emits 'error', which would end the process without a listener. The next query fails.
      const lost = (error: Error) => {
        broken ??= error;
      };
      client.on('error', lost);
      const bounded = {
        async query(sql: string, parameters: readonly unknown[]) {
          if (broken) throw broken;
          try {
            return await within(
              client.query(sql, [...parameters]),
              bounds.queryTimeoutMs,
              'answer',
            );
          } catch (error) {
            if (error instanceof DatabaseTimeoutError) broken = error;
            throw error;
          }
        },
        // pg-pool closes a client released with an error instead of pooling it.
        release(destroy?: boolean) {
          client.off('error', lost);
          client.release(broken ?? destroy);
        },
      };
      return bounded as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

/** A mysql2 pool for Kysely's MysqlDialect, with `bounds` on acquiring and on each query. */
export function boundedMysqlPool(pool: MysqlDriverPool, bounds: DatabaseBounds): MysqlPool {
  const acquire = () =>
    new Promise<PoolConnection>((resolve, reject) => {
      pool.getConnection((error, connection) => (error ? reject(error) : resolve(connection)));
    });
  return {
    getConnection(callback) {
      within(acquire(), bounds.acquireTimeoutMs, 'connection', (late) => late.release()).then(
        (connection) => callback(null, boundedMysqlConnection(connection, bounds)),
        (error: unknown) => callback(error, undefined as never),
      );
    },
    end: (callback) => pool.end(callback),
  };
}

function boundedMysqlConnection(
  connection: PoolConnection,
  bounds: DatabaseBounds,
): MysqlPoolConnection {
  let broken: DatabaseTimeoutError | undefined;
  const run = (sql: string, parameters: unknown[]) =>
    new Promise<MysqlQueryResult>((resolve, reject) => {
      if (broken) return reject(broken);
      connection.query(sql, parameters, (error, result) =>
        error ? reject(error) : resolve(result as MysqlQueryResult),
      );
    });
  const bounded = {
    query(
      sql: string,
      parameters: unknown[],
      callback?: (error: unknown, result?: MysqlQueryResult) => void,
    ) {
      // Without a callback Kysely streams; a stream is read at the caller's pace, unbounded.
      if (!callback) return connection.query(sql, parameters);
      within(run(sql, parameters), bounds.queryTimeoutMs, 'answer').then(
        (result) => callback(null, result),
        (error: unknown) => {
          if (error instanceof DatabaseTimeoutError) broken = error;
          callback(error);
        },
      );
    },
    // A connection with a query still stuck on it is closed, not pooled.
    release: () => (broken ? connection.destroy() : connection.release()),
  };
  return bounded as unknown as MysqlPoolConnection;
}
