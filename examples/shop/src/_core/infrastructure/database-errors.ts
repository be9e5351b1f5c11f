import {
  ConflictError,
  InUseError,
  ReferenceNotFoundError,
  ServiceUnavailableError,
} from '../domain/errors.js';

export type Operation = 'read' | 'write' | 'delete';

interface DriverError {
  code?: unknown;
  errno?: unknown;
  fatal?: unknown;
}

const UNIQUE = new Set([
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'ER_DUP_ENTRY',
  '23505', // PostgreSQL: unique_violation
]);
/**
 * The database rolled the transaction back to break a deadlock (or, on PostgreSQL, a
 * serialization failure); running it again is safe.
 */
const DEADLOCK = new Set(['ER_LOCK_DEADLOCK', '40P01', '40001']);
const FOREIGN_KEY = new Set([
  'SQLITE_CONSTRAINT_FOREIGNKEY',
  'ER_NO_REFERENCED_ROW',
  'ER_NO_REFERENCED_ROW_2',
  'ER_ROW_IS_REFERENCED',
  'ER_ROW_IS_REFERENCED_2',
  '23503', // PostgreSQL: foreign_key_violation, on insert, update and delete alike
]);
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_ACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'DATABASE_TIMEOUT', // bounded-pool.ts: no connection or no answer in time
  // PostgreSQL: shutting down or starting, too many connections, login or database refused.
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '28000',
  '28P01',
  '3D000',
]);
/** pg and pg-pool report a lost or timed-out connection by message alone, with no code. */
const POSTGRES_CONNECTION_LOST =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/;

/**
 * Turns a driver error into the application error it means, or returns it unchanged.
 * A foreign-key failure is a missing reference on writes and a row still in use on delete.
 */
export function translateDatabaseError(error: unknown, resource: string, operation: Operation) {
  const code = driverCode(error);
  if (UNIQUE.has(code)) return new ConflictError(resource);
  if (DEADLOCK.has(code)) {
    return new ConflictError(
      resource,
      `The ${resource} clashed with a concurrent change; try again.`,
    );
  }
  if (FOREIGN_KEY.has(code) || isSqliteRestrict(error, code)) {
    return operation === 'delete' ? new InUseError(resource) : new ReferenceNotFoundError(resource);
  }
  if (isUnavailable(error, code)) {
    return new ServiceUnavailableError('The database is unavailable.', { cause: error });
  }
  return error;
}

/** True for a deadlock: the database rolled the whole transaction back. */
export function isDeadlock(error: unknown): boolean {
  return DEADLOCK.has(driverCode(error));
}

function driverCode(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null ? (error as DriverError).code : undefined;
  return typeof code === 'string' ? code : '';
}

// SQLite reports `ON DELETE RESTRICT` as a trigger failure; only the message names the key.
function isSqliteRestrict(error: unknown, code: string): boolean {
  return (
    code === 'SQLITE_CONSTRAINT_TRIGGER' &&
    error instanceof Error &&
    error.message.includes('FOREIGN KEY')
  );
}

function isUnavailable(error: unknown, code: string): boolean {
  if (UNAVAILABLE.has(code)) return true;
  // SQLSTATE class 08 is PostgreSQL's connection exception.
  if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  if (error instanceof Error && POSTGRES_CONNECTION_LOST.test(error.message)) return true;
  // mysql2 wraps pool and socket failures in an AggregateError or flags them `fatal`.
  if (error instanceof AggregateError)
    return error.errors.some((e) => isUnavailable(e, driverCode(e)));
  return typeof error === 'object' && error !== null && (error as DriverError).fatal === true;
}
