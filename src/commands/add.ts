import type { Command } from 'commander';

import type { AddOptions } from './add/run.js';

export function registerAddCommand(program: Command): void {
  program
    .command('add')
    .description('Add a project-wide feature: jobs (BullMQ on Redis, a transactional outbox, domain events, a worker).')
    .argument('<feature>', 'the feature to add: jobs')
    .option('--dry-run', 'print the files it would create and the diff of the files it would change; write nothing')
    .option('--json', 'print one JSON object { ok, created, modified, removed, errors } on stdout')
    .option('--cwd <dir>', 'run as if started in <dir>', process.cwd())
    .addHelpText(
      'after',
      `
Examples:
  $ layered add jobs              events in an outbox, relayed to BullMQ by \`npm run worker\`
  $ layered add jobs --dry-run`,
    )
    .action(async (feature: string, options: AddOptions) => {
      const { runAdd } = await import('./add/run.js');
      await runAdd(feature, options);
    });
}
