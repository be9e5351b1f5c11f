import type { MigrationResultSet } from 'kysely';

import { loadSettings, SettingsError } from '../config.js';
import { createDatabase } from './database.js';
import { createMigrator } from './migrator.js';

/** `migrate.ts up` applies every pending migration; `migrate.ts down` rolls back the last one. */
async function migrate(direction: string): Promise<MigrationResultSet> {
  const settings = loadSettings();
  // A migration may rewrite a large table: no bound on how long one statement takes.
  const db = createDatabase(settings.databaseUrl, { ...settings.databasePool, queryTimeoutMs: 0 });
  try {
    const migrator = createMigrator(db);
    return direction === 'down' ? await migrator.migrateDown() : await migrator.migrateToLatest();
  } finally {
    await db.destroy();
  }
}

const direction = process.argv[2] ?? 'up';
if (direction !== 'up' && direction !== 'down') {
  console.error(`Unknown direction "${direction}": use up or down.`);
  process.exitCode = 2;
} else {
  try {
    const { error, results = [] } = await migrate(direction);
    for (const result of results) {
      console.log(
        `${result.status === 'Success' ? direction : result.status}: ${result.migrationName}`,
      );
    }
    if (results.length === 0 && !error) console.log('Nothing to migrate.');
    if (error) throw error;
  } catch (error) {
    console.error(error instanceof SettingsError ? error.message : error);
    process.exitCode = 1;
  }
}
