import { checkbox, input, select } from '@inquirer/prompts';
import pc from 'picocolors';

import { checkDomainName } from '../spec/domain-name.js';
import { FIELD_TYPES, type FieldType, modifierAllowed } from '../spec/field-types.js';
import { DEFAULT_STRING_MAX, type FieldSpecInput } from '../spec/schema.js';
import { explain, fieldNameVerdict, fieldProblem, fieldVerdict } from './field-checks.js';

/** The streams inquirer reads and writes; the process's own when left out. */
export interface PromptStreams {
  input?: NodeJS.ReadableStream | undefined;
  output?: NodeJS.WritableStream | undefined;
}

export interface FieldQuestion {
  /** The domain being created, canonical (kebab-case). */
  domain: string;
  /** The fields already given. */
  earlier: readonly FieldSpecInput[];
  /** Domains a ref may point at: this one first (a self-ref), then the project's. */
  refTargets: readonly string[];
  streams: PromptStreams;
}

const FLAGS = ['optional', 'unique', 'index'] as const;
type Flag = (typeof FLAGS)[number];

const TYPE_HELP: Readonly<Record<FieldType, string>> = {
  string: `short text, a varchar of max characters (${DEFAULT_STRING_MAX} unless set)`,
  text: 'long text, no length limit, not indexable',
  int: 'whole number, 32-bit',
  bigint: 'whole number, 64-bit (a string in code)',
  float: 'approximate number (double)',
  decimal: 'exact number such as a price (a string in code)',
  boolean: 'true or false',
  date: 'calendar date, YYYY-MM-DD',
  datetime: 'instant in time, stored in UTC',
  uuid: 'UUID',
  json: 'JSON document',
  enum: 'one of a fixed list of values',
  ref: 'a row of another domain (adds <name>Id, a foreign key)',
};

const FLAG_HELP: Readonly<Record<Flag, string>> = {
  optional: 'nullable; may be left out on create',
  unique: 'no two rows share a value (also an index)',
  index: 'an index for lookups and sorting',
};

const DEFAULT_EXAMPLE: Partial<Record<FieldType, string>> = {
  int: 'e.g. 0',
  bigint: 'e.g. 0',
  float: 'e.g. 0.5',
  decimal: 'e.g. 9.99',
  date: 'YYYY-MM-DD or now',
  datetime: 'e.g. 2024-01-31T09:30:00Z, or now',
  uuid: 'a UUID',
};

/**
 * Asks one field: name, type, then only the modifiers its type takes, each answer checked by the
 * spec schema as it is typed. Returns undefined when the user leaves the name blank to finish
 * (allowed once a field exists), and `retry` when the finished field is refused as a whole.
 */
export async function askField(question: FieldQuestion): Promise<FieldSpecInput | 'retry' | undefined> {
  const { domain, earlier, streams } = question;
  const number = earlier.length + 1;
  const verdict = (field: FieldSpecInput, key: string): true | string => fieldVerdict(domain, earlier, field, key);

  const nameAnswer = await input(
    {
      message: `Field ${number} name${earlier.length === 0 ? '' : ' (blank to finish)'}`,
      validate: (answer) => (answer.trim() !== '' ? fieldNameVerdict(domain, earlier, answer) : earlier.length > 0 || 'A domain needs at least one field: name it, e.g. title.'),
    },
    streams,
  );
  const name = nameAnswer.trim();
  if (name === '') return undefined;

  const type = await select<FieldType>(
    {
      message: `Type of ${name}`,
      choices: FIELD_TYPES.map((value) => ({ value, description: TYPE_HELP[value] })),
      default: 'string',
      pageSize: FIELD_TYPES.length,
    },
    streams,
  );
  const field: FieldSpecInput = { name, type };
  if (type === 'ref') {
    const refused = fieldProblem(domain, earlier, field, ['name']);
    if (refused !== undefined) return reject(number, explain(refused), streams);
    field.ref = await askRefTarget(name, question.refTargets, streams);
  }

  const flags = await checkbox<Flag>(
    {
      message: `Modifiers of ${name}`,
      choices: FLAGS.filter((flag) => modifierAllowed(flag, type)).map((value) => ({ value, description: FLAG_HELP[value] })),
      validate: (chosen) => verdict({ ...field, ...flagsOf(chosen.map((choice) => choice.value)) }, 'index'),
    },
    streams,
  );
  Object.assign(field, flagsOf(flags));

  if (type === 'string') {
    const max = await input(
      {
        message: `Max length of ${name} (blank for ${DEFAULT_STRING_MAX})`,
        validate: (answer) => answer.trim() === '' || (/^\d+$/.test(answer.trim()) ? verdict({ ...field, max: Number(answer) }, 'max') : 'Give a whole number of characters, e.g. 120.'),
      },
      streams,
    );
    if (max.trim() !== '') field.max = Number(max);
  }
  if (type === 'enum') {
    const values = await input(
      {
        message: `Values of ${name}, comma-separated (e.g. draft,published)`,
        validate: (answer) => verdict({ ...field, values: splitValues(answer) }, 'values'),
      },
      streams,
    );
    field.values = splitValues(values);
  }
  if (modifierAllowed('default', type)) {
    const fallback = await askDefault(field, type, (candidate) => verdict(candidate, 'default'), streams);
    if (fallback !== undefined) field.default = fallback;
  }
  const refused = fieldProblem(domain, earlier, field);
  return refused === undefined ? field : reject(number, explain(refused), streams);
}

/** enum and boolean defaults are picked from their choices; others are typed and checked. */
async function askDefault(field: FieldSpecInput, type: FieldType, check: (field: FieldSpecInput) => true | string, streams: PromptStreams): Promise<string | boolean | undefined> {
  const message = `Default of ${field.name}`;
  if (type === 'enum' || type === 'boolean') {
    const choices = type === 'enum' ? (field.values ?? []).map((value) => ({ value, name: value })) : [true, false].map((value) => ({ value, name: String(value) }));
    return select<string | boolean | undefined>({ message, choices: [{ value: undefined, name: '(none)' }, ...choices] }, streams);
  }
  const example = DEFAULT_EXAMPLE[type];
  const answer = await input(
    {
      message: `${message} (${example === undefined ? '' : `${example}; `}blank for none)`,
      validate: (text) => text === '' || check({ ...field, default: text }),
    },
    streams,
  );
  return answer === '' ? undefined : answer;
}

/** This domain is always a choice (a self-ref); the field's own name is the default when it is a domain. */
async function askRefTarget(name: string, targets: readonly string[], streams: PromptStreams): Promise<string> {
  const [self] = targets;
  const others = targets.length > 1 ? '' : ' (no other domains yet: create a domain first to ref it)';
  return select<string>(
    {
      message: `Domain that ${name} refers to${others}`,
      choices: targets.map((value) => ({ value, name: value === self ? `${value} (this domain)` : value })),
      default: targets.find((target) => target === impliedTarget(name)) ?? self,
      pageSize: Math.min(targets.length, 15),
    },
    streams,
  );
}

function flagsOf(chosen: readonly Flag[]): Partial<Record<Flag, true>> {
  return Object.fromEntries(chosen.map((flag) => [flag, true]));
}

/** `draft, published` → `['draft', 'published']`; empty entries stay, for the schema to refuse. */
function splitValues(answer: string): string[] {
  return answer.trim() === '' ? [] : answer.split(',').map((value) => value.trim());
}

/** `category:ref` points at `category`, as the grammar reads it. */
function impliedTarget(name: string): string | undefined {
  const checked = checkDomainName(name);
  return checked.ok ? checked.value : undefined;
}

function reject(number: number, message: string, streams: PromptStreams): 'retry' {
  (streams.output ?? process.stdout).write(`${pc.red('✖')} ${message}\n  Field ${number} again:\n`);
  return 'retry';
}
