import type { Command } from 'commander';

import { conflictsOption } from './change.js';

import type { SyncOptions } from './sync/run.js';

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description("Re-render domains with today's templates (built-in and .layered/templates/ overrides), merged with your edits.")
    .argument('[domains...]', 'the domains to sync (default: every domain)')
    .option('--dry-run', 'print the diff of every file it would change; write nothing')
    .option('--json', 'print one JSON object { ok, created, modified, removed, errors } on stdout')
    .addOption(conflictsOption())
    .option('--cwd <dir>', 'run as if started in <dir>', process.cwd())
    .addHelpText(
      'after',
      `
Only files whose template changed since they were generated are re-rendered; the schema does not
change, so no migration is written. \`layered check\` lists the domains that need a sync.

Examples:
  $ layered templates eject src/{{fileName}}/domain/{{fileName}}.service.ts.hbs
  $ layered sync --dry-run                 what the edited template changes in every domain
  $ layered sync                           apply it, keeping your hand edits
  $ layered sync product order-item`,
    )
    .action(async (domains: string[], options: SyncOptions) => {
      const { startFormatter } = await import('../render/formatter.js');
      const formatter = startFormatter();
      const { runSync } = await import('./sync/run.js');
      await runSync(domains, options, formatter);
    });
}
