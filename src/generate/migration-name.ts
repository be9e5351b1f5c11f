import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { LayeredError } from '../errors.js';

const STAMP = /^(\d{14})_/;

/**
 * The migration file name for a new table: `20261123193000_create_order_item`. The stamp comes
 * from the clock (`LAYERED_NOW` fixes it, so examples regenerate byte-identical) but always lands
 * after the newest existing migration, so migrations run in the order domains were added and
 * foreign keys find their tables.
 *
 * @example await migrationName('/work/shop', 'migrations', 'order_item') // '20261123193000_create_order_item'
 */
export async function migrationName(
  root: string,
  migrationsDir: string,
  tableName: string,
  action: 'create' | 'alter' | 'drop' = 'create',
): Promise<string> {
  const existing = await readdir(path.join(root, migrationsDir)).catch(() => [] as string[]);
  const newest = existing.map((file) => STAMP.exec(file)?.[1]).filter((stamp): stamp is string => stamp !== undefined).sort().at(-1);
  let time = now().getTime();
  if (newest !== undefined) time = Math.max(time, parseStamp(newest).getTime() + 1000);
  return `${formatStamp(new Date(time))}_${action}_${tableName}`;
}

/** The generator's clock: `LAYERED_NOW` (ISO 8601) when set, else the real time. */
export function now(): Date {
  const fixed = process.env['LAYERED_NOW'];
  if (fixed === undefined || fixed === '') return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) {
    throw new LayeredError('BAD_LAYERED_NOW', `LAYERED_NOW="${fixed}" is not a date.`, {
      hint: 'Set it to an ISO 8601 time such as 2026-01-01T00:00:00Z, or unset it to use the real clock.',
    });
  }
  return date;
}

function formatStamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function parseStamp(stamp: string): Date {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) => stamp.slice(at, at + (i === 0 ? 4 : 2)));
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}
