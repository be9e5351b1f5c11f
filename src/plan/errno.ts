import { ExitCode } from '../errors.js';

/** `ENOSPC`, `EACCES`... when the error came from the operating system, else undefined. */
export function errnoCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && /^E[A-Z0-9]+$/.test(error.code)) {
    return error.code;
  }
  return undefined;
}

/**
 * A file system refusal (disk full, permissions, I/O error) is the machine's state, not a bug:
 * it exits 4 ("an external step failed") so the CLI does not ask for a bug report. Anything
 * else reaching here is a bug in layered (exit 3).
 */
export function exitCodeFor(error: unknown): ExitCode {
  return errnoCode(error) === undefined ? ExitCode.Internal : ExitCode.ExternalStep;
}

/** `ENOSPC: no space left on device` rather than Node's message with the absolute path repeated. */
export function describeCause(error: unknown): string {
  const code = errnoCode(error);
  const text = error instanceof Error ? error.message : String(error);
  if (code === undefined) return text;
  const reason = text.startsWith(`${code}: `) ? text.slice(code.length + 2).split(',')[0] : text;
  return `${code}: ${reason}`;
}
