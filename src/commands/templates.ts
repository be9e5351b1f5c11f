import type { Command } from 'commander';

import type { EjectOptions } from './templates/eject.js';
import type { TemplatesListOptions } from './templates/list.js';

export function registerTemplatesCommand(program: Command): void {
  const templates = program
    .command('templates')
    .description("Show the domain templates and the project's overrides of them, or copy built-ins out to edit.")
    .addHelpText(
      'after',
      `
A file at .layered/templates/<path> overrides the built-in domain template at <path>; every
other template still comes from the CLI. \`layered new\` checks overrides before writing anything.

Examples:
  $ layered templates list
  $ layered templates eject 'src/{{fileName}}/domain/{{fileName}}.service.ts.hbs'
  $ layered templates eject src/{{fileName}}/interface      every template in that folder
  $ layered templates eject                                 all of them`,
    );

  templates
    .command('list')
    .description('List every domain template and whether the project overrides it.')
    .option('--json', 'print { templates: [{ path, overridden }], unknownOverrides[] } on stdout')
    .option('--cwd <dir>', 'run as if started in <dir>', process.cwd())
    .addHelpText(
      'after',
      `
Examples:
  $ layered templates list
  $ layered templates list --json | jq '.templates[] | select(.overridden)'`,
    )
    .action(async (options: TemplatesListOptions) => {
      const { runTemplatesList } = await import('./templates/list.js');
      await runTemplatesList(options);
    });

  templates
    .command('eject')
    .description('Copy built-in domain templates (all, or the given paths or folders) into .layered/templates/ to edit.')
    .argument('[paths...]', 'template paths as `layered templates list` prints them, or folders of them')
    .option('--force', 'overwrite overrides the project already has')
    .option('--dry-run', 'print the files it would write; write nothing')
    .option('--json', 'print one JSON object { ok, created, modified, removed, errors } on stdout')
    .option('--cwd <dir>', 'run as if started in <dir>', process.cwd())
    .addHelpText(
      'after',
      `
Examples:
  $ layered templates eject 'src/{{fileName}}/domain/{{fileName}}.service.ts.hbs'
  $ layered templates eject test --dry-run
  $ layered templates eject --force          reset every override to the built-in`,
    )
    .action(async (paths: string[], options: EjectOptions) => {
      const { runEject } = await import('./templates/eject.js');
      await runEject(paths, options);
    });
}
