import pc from 'picocolors';

import { LayeredError } from './errors.js';

/**
 * Prints an error once, at the top: one line, then the hint. An unexpected error is a bug, so
 * it gets its stack and a request to report it.
 */
export function printError(error: unknown, stream: NodeJS.WritableStream = process.stderr): void {
  if (error instanceof LayeredError) {
    stream.write(`${pc.red('error')} ${error.message}\n`);
    if (error.hint) stream.write(`${pc.dim('hint')}  ${error.hint}\n`);
    return;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stream.write(`${pc.red('internal error')} ${stack}\n`);
  stream.write('This is a bug in layered. Please report it with the command you ran and the output above.\n');
}

/** A progress line for a long step; falls back to plain lines when stderr is not a terminal. */
export async function withProgress<T>(text: string, step: () => Promise<T>): Promise<T> {
  const { createSpinner } = await import('nanospinner');
  const spinner = createSpinner(text, { stream: process.stderr }).start();
  try {
    const result = await step();
    spinner.success({ text });
    return result;
  } catch (error) {
    spinner.error({ text });
    throw error;
  }
}

/** With `--json`, a failure is still exactly one JSON object on stdout. */
export function printJsonError(error: unknown): void {
  const detail =
    error instanceof LayeredError
      ? error.toJSON()
      : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), hint: 'This is a bug in layered; please report it.' };
  process.stdout.write(`${JSON.stringify({ ok: false, created: [], modified: [], removed: [], errors: [detail] })}\n`);
}
