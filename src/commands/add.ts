import type { Command } from 'commander';

import type { AddOptions } from './add/run.js';

export function registerAddCommand(program: Command): void {
  program
    .command('add')
    .description('Add a project-wide feature: its files, its migration, its wiring and its dependencies.')
    .argument('<feature>', 'the feature to add: auth or jobs')
    .option('--dry-run', 'print the files it would create and the diff of the files it would change; write nothing')
    .option('--json', 'print one JSON object { ok, created, modified, removed, errors } on stdout')
    .option('--cwd <dir>', 'run as if started in <dir>', process.cwd())
    .addHelpText(
      'after',
      `
Features:
  auth   users, register/login/refresh/logout/me, JWT access tokens, and --access on \`layered new\`
  jobs   domain events in a transactional outbox, relayed to BullMQ by \`npm run worker\`, a consumer per domain

Examples:
  $ layered add auth --dry-run
  $ layered add auth          then: npm install && npm run migrate
  $ layered add jobs          then: npm install && npm run migrate && npm run worker`,
    )
    .action(async (feature: string, options: AddOptions) => {
      const { runAdd } = await import('./add/run.js');
      await runAdd(feature, options);
    });
}
