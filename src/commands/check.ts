import type { Command } from 'commander';

import type { CheckCommandOptions } from './check/run.js';

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('Verify every domain is wired in, its files and migration exist, the database matches, and the project type-checks.')
    .option('--fix', 'repair what is safe to repair (missing registrations), then check again')
    .option('--json', 'print { ok, findings } (with --fix: { ok, created, modified, removed, errors }) on stdout')
    .option('--cwd <dir>', 'run as if started in <dir>', process.cwd())
    .addHelpText(
      'after',
      `
Exits 2 when it finds a problem, listing each with its fix. The database is checked when
DATABASE_URL (environment, or the project's .env) reaches it; types with the project's own tsc.

Examples:
  $ layered check
  $ layered check --fix              re-register domains missing from the two host files
  $ layered check --json | jq '.findings[].code'`,
    )
    .action(async (options: CheckCommandOptions) => {
      const { runCheck } = await import('./check/run.js');
      await runCheck(options);
    });
}
