import { MysqlAdapter, PostgresAdapter, SqliteAdapter, type Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'mysql' | 'postgres';

/** Which database a Kysely instance talks to, for the few statements that differ. */
export function dialectOf(db: Pick<Kysely<unknown>, 'getExecutor'>): Dialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof MysqlAdapter) return 'mysql';
  throw new Error(`Unsupported database adapter: ${adapter.constructor.name}`);
}
