import { readdir } from 'node:fs/promises';
import path from 'node:path';

import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

import type { Database } from '../../../src/_core/infrastructure/database.js';
import { MIGRATIONS_FOLDER } from '../../../src/_core/infrastructure/migrator.js';

/**
 * The project's migrations, loaded through vitest's own `import()`: Kysely's
 * FileMigrationProvider imports from node_modules, where Node cannot load TypeScript.
 */
const provider: MigrationProvider = {
  async getMigrations() {
    const files = (await readdir(MIGRATIONS_FOLDER)).filter((file) => file.endsWith('.ts'));
    const loaded = await Promise.all(
      files.map(async (file) => {
        const migration = (await import(path.join(MIGRATIONS_FOLDER, file))) as Migration;
        return [path.basename(file, '.ts'), migration] as const;
      }),
    );
    return Object.fromEntries(loaded);
  },
};

/** Applies every migration, as `npm run migrate` does; test files may race, the migrator locks. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}
