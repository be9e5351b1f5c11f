import type * as z from 'zod';
import { LayeredError } from '../errors.js';

/** One problem of a spec, where it is, and how to fix it (`--json` can list them all). */
export interface SpecIssue {
  code: string;
  path: string;
  message: string;
  hint: string;
  line?: number;
}

/** How to name a place in the spec: `fields[2].type`, or a CLI token, or a file line. */
export interface IssueContext {
  file?: string;
  /** Names field `i` by what the user typed (the CLI token) instead of `fields[i].key`. */
  describeField?: (index: number) => string;
  /** The 1-based line of a path in the source file, when known. */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * A spec that failed the schema. The message is the first issue (one clear line); the others
 * follow on their own lines; `issues` keeps them all for `--json`.
 */
export class SpecError extends LayeredError {
  readonly issues: readonly SpecIssue[];

  constructor(issues: readonly SpecIssue[], file?: string) {
    const [first, ...rest] = issues;
    const located = (issue: SpecIssue): string =>
      `${file === undefined ? '' : `${file}${issue.line === undefined ? '' : `:${issue.line}`}: `}${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`;
    const message = [first, ...rest]
      .filter((issue) => issue !== undefined)
      .map((issue, i) => (i === 0 ? located(issue) : `  also ${located(issue)}`))
      .join('\n');
    super(first?.code ?? 'SPEC_INVALID', message, { hint: first?.hint ?? '', ...(file === undefined ? {} : { file }) });
    this.name = 'SpecError';
    this.issues = issues;
  }
}

/**
 * Turns zod's issues into a SpecError with readable paths and one hint each.
 *
 * @example toSpecError(result.error).message // 'fields[2].type: unknown type "money" — use one of ...'
 */
export function toSpecError(error: z.ZodError, context: IssueContext = {}): SpecError {
  const issues = error.issues.map((issue): SpecIssue => {
    const { code, hint, message } = describe(issue);
    const line = context.lineOf?.(issue.path);
    return { code, path: formatPath(issue.path, context.describeField), message: message ?? issue.message, hint, ...(line === undefined ? {} : { line }) };
  });
  return new SpecError(issues, context.file);
}

/** `['fields', 2, 'type']` → `fields[2].type`. */
export function formatPath(path: readonly PropertyKey[], describeField?: (index: number) => string): string {
  if (describeField !== undefined && path[0] === 'fields' && typeof path[1] === 'number') return describeField(path[1]);
  let out = '';
  path.forEach((key) => {
    if (typeof key === 'number') out += `[${key}]`;
    else out += `${out === '' ? '' : '.'}${String(key)}`;
  });
  return out;
}

function describe(issue: z.core.$ZodIssue): { code: string; hint: string; message?: string } {
  const params = issue.code === 'custom' ? (issue.params as { code?: string; hint?: string } | undefined) : undefined;
  if (params?.code !== undefined) return { code: params.code, hint: params.hint ?? '' };
  const key = issue.path.at(-1);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = issue.path.length === 0 ? 'name, fields' : 'name, type, optional, unique, index, default, max, values, ref';
      const message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}.`;
      return { code: 'SPEC_UNKNOWN_KEY', hint: `Allowed keys: ${allowed}.`, message };
    }
    case 'too_small':
      return { code: 'SPEC_NO_FIELDS', hint: 'Add fields, e.g. fields: [{ name: title, type: string }].' };
    case 'too_big':
      return { code: 'SPEC_TOO_MANY_FIELDS', hint: 'Split the domain into smaller ones linked by ref fields.' };
    case 'invalid_type':
      if (key === 'name' && issue.path.length === 1) return { code: 'SPEC_NO_NAME', hint: 'Add name: <domain> to the spec, or give the domain on the command line.' };
      return { code: 'SPEC_INVALID_VALUE', hint: 'See the spec format: { name, fields: [{ name, type, optional?, unique?, index?, default?, max?, values?, ref? }] }.' };
    default:
      return { code: 'SPEC_INVALID_VALUE', hint: 'See the spec format: { name, fields: [{ name, type, optional?, unique?, index?, default?, max?, values?, ref? }] }.' };
  }
}
