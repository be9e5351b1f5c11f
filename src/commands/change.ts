import { Option, type Command } from 'commander';

import type { ChangeOptions } from './change/run.js';

/** `--conflicts refuse|markers`, shared by `change` and `sync`. */
export function conflictsOption(): Option {
  return new Option('--conflicts <mode>', 'when your edits overlap the new render: refuse, or write git-style markers').choices(['refuse', 'markers']).default('refuse');
}

export function registerChangeCommand(program: Command): void {
  program
    .command('change')
    .description("Evolve a domain: a new ALTER migration that keeps the table's rows, and every file re-rendered and merged with your edits.")
    .argument('<domain>', 'the domain to change, in any casing')
    .argument('[changes...]', 'actions, each with one operand: add <field>, drop <field>, rename <old>=<new>, alter <field>')
    .option('--spec <file>', "the domain's whole desired spec (YAML or JSON); a field may say renamedFrom: <old>")
    .option('--dry-run', 'print the migration and the diff of every file it would change; write nothing')
    .option('--json', 'print one JSON object { ok, created, modified, removed, errors } on stdout')
    .option('--allow-data-loss', 'allow changes that can lose stored values: drop, a narrower max or type, fewer enum values, unique')
    .addOption(conflictsOption())
    .option('--cwd <dir>', 'run as if started in <dir>', process.cwd())
    .addHelpText(
      'after',
      `
Actions apply in order; each field token uses the grammar of \`layered new\`. \`alter\` takes the
field's whole new definition. Changes that keep every value apply directly (add an optional or
defaulted field, rename, a larger max, int to bigint or decimal, required to optional, optional
to required with a default, indexes, defaults, new enum values); the others need
--allow-data-loss. Then run npm run migrate.

Examples:
  $ layered change product add stock:int:default=0
  $ layered change product rename title=name alter price:decimal:optional
  $ layered change product alter name:string:max=200:index --dry-run
  $ layered change product drop legacyCode --allow-data-loss
  $ layered change product --spec specs/product.yaml`,
    )
    .action(async (domain: string, changes: string[], options: ChangeOptions) => {
      const { startFormatter } = await import('../render/formatter.js');
      const formatter = startFormatter();
      const { runChange } = await import('./change/run.js');
      await runChange(domain, changes, options, formatter);
    });
}
