/**
 * The one error type the CLI throws for anything the user can act on.
 * Helpers throw it; only the CLI entry prints it and picks the exit code.
 *
 * @example
 * throw new LayeredError('SPEC_UNKNOWN_TYPE', 'Field "price" has unknown type "money".', {
 *   hint: 'Use one of: string, text, int, ...',
 * });
 */
export class LayeredError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;
  readonly file: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { hint?: string; exitCode?: ExitCode; file?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'LayeredError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.BadInput;
    this.file = options.file;
  }

  toJSON(): { code: string; message: string; hint?: string; file?: string } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.file === undefined ? {} : { file: this.file }),
    };
  }
}

/** Exit codes are part of the public contract (DESIGN.md section 1). */
export const ExitCode = {
  Ok: 0,
  BadInput: 1,
  Conflict: 2,
  Internal: 3,
  ExternalStep: 4,
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
