import { LayeredError } from '../errors.js';

/** One problem `layered check` found, with its fix (DESIGN.md: `{ code, message, hint, file? }`). */
export interface Finding {
  code: string;
  message: string;
  hint: string;
  file?: string;
  /** `check --fix` can repair it (a missing registration); not part of the JSON output. */
  fixable?: { domain: string };
}

/** What a check run found, and what it could not look at (no database, no installed compiler). */
export interface CheckReport {
  findings: Finding[];
  notes: string[];
}

export function finding(code: string, message: string, hint: string, file?: string): Finding {
  return { code, message, hint, ...(file === undefined ? {} : { file }) };
}

/** A LayeredError a check ran into (a host file in an odd shape) is a finding too. */
export function findingFromError(error: unknown): Finding {
  if (!(error instanceof LayeredError)) throw error;
  return finding(error.code, error.message, error.hint ?? '', error.file);
}

export function findingToJson({ code, message, hint, file }: Finding): { code: string; message: string; hint: string; file?: string } {
  return { code, message, hint, ...(file === undefined ? {} : { file }) };
}
