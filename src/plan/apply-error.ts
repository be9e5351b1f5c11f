import { ExitCode, LayeredError } from '../errors.js';
import { describeCause, errnoCode, exitCodeFor } from './errno.js';
import { describeLeftover, type Leftover } from './leftover.js';

/** A file system call that failed, tagged with the project path and what apply was doing. */
export class StepFailed extends Error {
  constructor(
    readonly path: string,
    readonly action: string,
    override readonly cause: unknown,
  ) {
    super(`Could not ${action} ${path} (${describeCause(cause)})`, { cause });
  }
}

/** Thrown at the first checkpoint after a deferred SIGINT/SIGTERM. */
export class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`Interrupted by ${signal}`);
  }
}

/**
 * An apply that did not happen. `leftovers` is empty when the project was restored; otherwise
 * it lists, in order, what to finish by hand (the message says the same for people).
 */
export class ApplyError extends LayeredError {
  readonly leftovers: readonly Leftover[];

  constructor(
    code: string,
    message: string,
    options: { hint?: string; exitCode: ExitCode; file?: string; cause?: unknown; leftovers: readonly Leftover[] },
  ) {
    super(code, message, options);
    this.name = 'ApplyError';
    this.leftovers = options.leftovers;
  }
}

/** The error for a failure before anything was written: nothing needs restoring. */
export function failedBeforeWriting(error: unknown): LayeredError {
  if (error instanceof LayeredError) return error;
  return applyError(error, [], 'nothing was changed', '');
}

/** The error for a failure while writing, after the rollback ran (and left `leftovers`). */
export function failedWhileWriting(error: unknown, leftovers: readonly Leftover[], root: string): ApplyError {
  return applyError(error, leftovers, 'the project was restored, nothing was changed', root);
}

function applyError(error: unknown, leftovers: readonly Leftover[], restored: string, root: string): ApplyError {
  const { code, headline, exitCode, hint, file } = classify(error);
  if (leftovers.length === 0) {
    return new ApplyError(code, `${headline}; ${restored}.`, { exitCode, hint, cause: error, leftovers, ...(file ? { file } : {}) });
  }
  const lines = leftovers.map((leftover) => `  ${describeLeftover(leftover)}`).join('\n');
  return new ApplyError(
    code === 'INTERRUPTED' ? code : 'APPLY_ROLLBACK_FAILED',
    `${headline}, and restoring the project failed too. ${leftovers.length} path(s) need attention:\n${lines}`,
    {
      exitCode,
      hint: `Run those steps from ${root}, in that order, then re-run the command. Every other file was restored.`,
      cause: error,
      leftovers,
      ...(file ? { file } : {}),
    },
  );
}

function classify(error: unknown): { code: string; headline: string; exitCode: ExitCode; hint: string; file?: string } {
  if (error instanceof Interrupted) {
    return { code: 'INTERRUPTED', headline: `Interrupted by ${error.signal} while applying changes`, exitCode: ExitCode.Interrupted, hint: 'Re-run the command to apply the changes.' };
  }
  if (error instanceof StepFailed) {
    return { code: 'APPLY_FAILED', headline: error.message, exitCode: exitCodeFor(error.cause), hint: hintFor(error.cause), file: error.path };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'APPLY_FAILED', headline: `Applying changes failed (${text})`, exitCode: ExitCode.Internal, hint: 'This is a bug in layered; please report it with the command you ran.' };
}

function hintFor(cause: unknown): string {
  switch (errnoCode(cause)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'Free some disk space, then re-run the command.';
    case 'EACCES':
    case 'EPERM':
      return 'Check that you may write to the project directory, then re-run the command.';
    case 'EROFS':
      return 'The project is on a read-only file system; re-run where it is writable.';
    default:
      return 'Fix the cause above, then re-run the command.';
  }
}
