import { Command, CommanderError } from 'commander';

import { ExitCode, LayeredError } from './errors.js';
import { printError, printJsonError } from './output.js';
import { cliVersion } from './package-info.js';
import { registerAddCommand } from './commands/add.js';
import { registerChangeCommand } from './commands/change.js';
import { registerCheckCommand } from './commands/check.js';
import { registerDestroyCommand } from './commands/destroy.js';
import { registerInitCommand } from './commands/init.js';
import { registerListCommand } from './commands/list.js';
import { registerNewCommand } from './commands/new.js';
import { registerSyncCommand } from './commands/sync.js';
import { registerTemplatesCommand } from './commands/templates.js';

/** Builds the commander program; each command lives in its own module under `commands/`. */
export function createProgram(): Command {
  const program = new Command('layered')
    .description('Generate complete, wired, tested domains for a layered Hono + Kysely backend.')
    .version(cliVersion(), '-v, --version')
    .showHelpAfterError('(run with --help for usage and examples)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ layered init shop                      create a project in ./shop and install it
  $ layered init shop --db mysql --no-install
  $ layered new product name:string price:decimal stock:int:default=0
  $ layered new --spec specs/order.yaml --dry-run
  $ layered change product add stock:int:default=0 rename title=name
  $ layered sync --dry-run                 show what today's templates change in every domain
  $ layered add jobs                       domain events through an outbox, BullMQ and a worker`,
    );
  registerInitCommand(program);
  registerNewCommand(program);
  registerChangeCommand(program);
  registerSyncCommand(program);
  registerDestroyCommand(program);
  registerListCommand(program);
  registerCheckCommand(program);
  registerTemplatesCommand(program);
  registerAddCommand(program);
  return program;
}

/** Runs the CLI and returns the exit code; the only place that turns errors into output. */
export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    // A command that finished without throwing may still report a non-zero code (a dry run
    // exits with the code the real run would have).
    return Number(process.exitCode ?? ExitCode.Ok);
  } catch (error) {
    const exitCode = error instanceof LayeredError ? error.exitCode : error instanceof CommanderError ? ExitCode.BadInput : ExitCode.Internal;
    if (argv.includes('--json') && !(error instanceof CommanderError && error.exitCode === 0)) {
      printJsonError(error);
      return exitCode;
    }
    if (error instanceof CommanderError) {
      // commander has already printed its message (or the help/version text).
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
    }
    if (error instanceof LayeredError) {
      printError(error);
      return error.exitCode;
    }
    printError(error);
    return ExitCode.Internal;
  }
}
