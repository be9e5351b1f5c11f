import { Command, CommanderError } from 'commander';

import { ExitCode, LayeredError } from './errors.js';
import { printError } from './output.js';
import { cliVersion } from './package-info.js';
import { registerInitCommand } from './commands/init.js';

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
  $ layered new --spec specs/order.yaml --dry-run`,
    );
  registerInitCommand(program);
  return program;
}

/** Runs the CLI and returns the exit code; the only place that turns errors into output. */
export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return ExitCode.Ok;
  } catch (error) {
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
