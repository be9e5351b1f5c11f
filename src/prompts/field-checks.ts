import * as z from 'zod';
import { checkDomainName } from '../spec/domain-name.js';
import { checkFieldName } from '../spec/field-name.js';
import type { Problem } from '../spec/problem.js';
import { domainSpecSchema, type FieldSpecInput } from '../spec/schema.js';
import { toSpecError } from '../spec/spec-error.js';

/** What an inquirer `validate` returns: true, or the message shown under the answer. */
export type Verdict = true | string;

/** A refusal as one line for the prompt: the reason, then what to do. */
export function explain(problem: Pick<Problem, 'message' | 'hint'>): string {
  return problem.hint === '' ? problem.message : `${problem.message} ${problem.hint}`;
}

export function domainNameVerdict(answer: string): Verdict {
  const checked = checkDomainName(answer.trim());
  return checked.ok ? true : explain(checked.problem);
}

/**
 * A field name on its own (checkFieldName), then in the spec so far (duplicates, a clash with a
 * ref's id column). The type is not asked yet: json stands in, as it puts no rule on the name.
 */
export function fieldNameVerdict(domain: string, earlier: readonly FieldSpecInput[], answer: string): Verdict {
  const checked = checkFieldName(answer.trim());
  if (!checked.ok) return explain(checked.problem);
  return fieldVerdict(domain, earlier, { name: checked.value, type: 'json' }, 'name');
}

/**
 * The schema's first refusal of the field being built, in the spec being built, or undefined.
 * Runs the one zod schema, so the prompts refuse exactly what a spec file or the command line
 * would. `keys` limits it to the answers given so far (an enum without its values yet is not its
 * default's fault). The earlier fields passed on their own, so a refusal of one of them (a ref
 * whose id column the new name takes) is the new name's.
 */
export function fieldProblem(domain: string, earlier: readonly FieldSpecInput[], field: FieldSpecInput, keys?: readonly string[]): Problem | undefined {
  const result = domainSpecSchema.safeParse({ name: domain, fields: [...earlier, field] });
  if (result.success) return undefined;
  const concerns = (key: unknown): boolean => keys === undefined || keys.includes(String(key));
  const issue = result.error.issues.find(({ path }) => path[0] === 'fields' && concerns(path[1] === earlier.length ? path[2] : 'name'));
  return issue === undefined ? undefined : toSpecError(new z.ZodError([issue])).issues[0];
}

/** {@link fieldProblem} as an inquirer verdict for the answer that set `key`. */
export function fieldVerdict(domain: string, earlier: readonly FieldSpecInput[], field: FieldSpecInput, key: string): Verdict {
  const problem = fieldProblem(domain, earlier, field, [key]);
  return problem === undefined ? true : explain(problem);
}
