import type { Command } from 'commander';

import type { DestroyOptions } from './destroy/run.js';

export function registerDestroyCommand(program: Command): void {
  program
    .command('destroy')
    .description('Remove exactly what `layered new` added for a domain: its files, its two registrations, its migration.')
    .argument('<domain>', 'the domain to remove, in any casing')
    .option('--dry-run', 'print what it would remove and the diff of the host files; write nothing')
    .option('--force', 'remove generated files even if they were edited since `layered new`')
    .option('--json', 'print one JSON object { ok, created, modified, removed, errors } on stdout')
    .option('--cwd <dir>', 'run as if started in <dir>', process.cwd())
    .addHelpText(
      'after',
      `
The domain's migration is deleted only when it is neither committed to git nor applied to the
database in DATABASE_URL; otherwise it is kept and a new migration that drops the table is written.

Examples:
  $ layered destroy product --dry-run
  $ layered destroy order-item
  $ layered destroy product --force      even though product.service.ts was edited`,
    )
    .action(async (domain: string, options: DestroyOptions) => {
      const { runDestroy } = await import('./destroy/run.js');
      await runDestroy(domain, options);
    });
}
