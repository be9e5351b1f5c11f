import { LayeredError } from '../errors.js';

/** A refusal found while checking input, before it becomes an error or a zod issue. */
export interface Problem {
  code: string;
  message: string;
  hint: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export function ok<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function refuse(code: string, message: string, hint: string): Checked<never> {
  return { ok: false, problem: { code, message, hint } };
}

/** The value of a check, or its problem thrown as a bad-input LayeredError. */
export function unwrap<T>(checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  throw new LayeredError(checked.problem.code, checked.problem.message, { hint: checked.problem.hint });
}
