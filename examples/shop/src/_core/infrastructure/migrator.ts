import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { FileMigrationProvider, Migrator, type Kysely, type MigrationProvider } from 'kysely';

/**
 * `migrations/` next to `src/`: the sources under tsx, the compiled `dist/migrations`
 * when this file runs from `dist/src/...`.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

// Migrations see the schema as it was when each was written, not today's `Database`; Kysely
// types the migrator's database as `Kysely<any>` for that reason.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createMigrator(db: Kysely<any>, folder = MIGRATIONS_FOLDER): Migrator {
  return new Migrator({ db, provider: migrationProvider(folder) });
}

function migrationProvider(folder: string): MigrationProvider {
  // tsc emits no folder for a project without migrations yet; that is zero migrations, not an error.
  if (!existsSync(folder)) return { getMigrations: async () => ({}) };
  return new FileMigrationProvider({ fs, path, migrationFolder: folder });
}
