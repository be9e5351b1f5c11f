import { Option, type Command } from 'commander';

import type { NewOptions } from './new/run.js';

export function registerNewCommand(program: Command): void {
  program
    .command('new')
    .aliases(['g', 'generate'])
    .description('Add a domain: entity, table and migration, repository, service, use case, DI module, router, DTOs and tests, wired in.')
    .argument('[domain]', 'domain name in any casing: product, order-item, OrderItem')
    .argument('[fields...]', 'fields as name:type[:modifier...]')
    .option('--spec <file>', 'read the domain from a YAML or JSON spec file')
    .option('--dry-run', 'print the files it would create and the diff of the files it would change; write nothing')
    .option('--force', 'an existing domain: apply this spec like `layered change --spec` (an ALTER migration, your edits merged in)')
    .option('--json', 'print one JSON object { ok, created, modified, removed, errors } on stdout')
    .option('--no-tests', 'skip the generated tests')
    .addOption(
      new Option('--access <level>', 'who may call its routes (needs `layered add auth`); default user with auth, public without').choices([
        'public',
        'user',
        'admin',
        'owner',
      ]),
    )
    .option('--cwd <dir>', 'run as if started in <dir>', process.cwd())
    .addHelpText(
      'after',
      `
Field types:  string text int bigint float decimal boolean date datetime uuid json enum ref
Modifiers:    optional  unique  index  default=V  max=N (string)  values=a,b (enum)  ref=<domain>

Examples:
  $ layered new product name:string:max=120 price:decimal stock:int:default=0
  $ layered new product sku:string:unique description:text:optional category:ref
  $ layered new order buyer:ref=customer status:enum:values=open,paid,shipped:default=open
  $ layered new --spec specs/product.yaml --dry-run
  $ layered new order total:decimal --access owner   each user sees only their own orders
  $ layered new product                      asks for the fields (in a terminal)`,
    )
    .action(async (domain: string | undefined, fields: string[], options: NewOptions) => {
      // Loaded on use: `layered --help` should not pay for the generator's modules. Prettier
      // starts loading on its own thread first, while this thread loads the generator.
      const { startFormatter } = await import('../render/formatter.js');
      const formatter = startFormatter();
      const { runNew } = await import('./new/run.js');
      await runNew(domain, fields, options, formatter);
    });
}

