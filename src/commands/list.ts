import type { Command } from 'commander';

import type { ListOptions } from './list/run.js';

export function registerListCommand(program: Command): void {
  program
    .command('list')
    .description('List the domains in this project and their fields.')
    .option('--json', 'print { domains: [{ name, fields[] }] } on stdout')
    .option('--cwd <dir>', 'run as if started in <dir>', process.cwd())
    .addHelpText(
      'after',
      `
Examples:
  $ layered list
  $ layered list --json | jq '.domains[].name'`,
    )
    .action(async (options: ListOptions) => {
      const { runList } = await import('./list/run.js');
      await runList(options);
    });
}
