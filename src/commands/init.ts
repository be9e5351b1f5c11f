import { Option, type Command } from 'commander';

import type { InitOptions } from './init/run.js';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('Create a new layered backend in <dir> (empty, or holding only .git) and install it.')
    .argument('<dir>', 'directory to create; its name becomes the package name')
    .addOption(new Option('--db <dialect>', 'database for DATABASE_URL in .env').choices(['sqlite', 'mysql', 'postgres']).default('sqlite'))
    .option('--auth', 'add users, login and tokens (as `layered add auth` does)')
    .option('--no-install', 'write the files but skip npm install')
    .option('--no-git', 'skip git init and the first commit (made only outside an existing repository)')
    .option('--package-manager <name>', 'package manager used to install (only npm for now)', 'npm')
    .addHelpText(
      'after',
      `
Examples:
  $ layered init shop                 SQLite in ./dev.db, dependencies installed
  $ layered init shop --db mysql      DATABASE_URL=mysql://root@127.0.0.1:3306/shop
  $ layered init shop --db postgres   DATABASE_URL=postgres://postgres@127.0.0.1:5432/shop
  $ layered init . --no-install       into the current (empty) directory
  $ layered init shop --no-git        no git repository and no first commit
  $ layered init shop --auth          with users, login and tokens; JWT_SECRET written to .env

Then:
  $ cd shop && npm run dev            http://localhost:3000/api/docs`,
    )
    .action(async (dir: string, options: InitOptions) => {
      const { initProject } = await import('./init/run.js');
      await initProject(dir, options);
    });
}
