import fc from 'fast-check';

import { FIELD_TYPES } from '../../src/spec/index.js';

/** Modifiers that are valid for each type, so a shuffled subset always forms an accepted token. */
export const VALID_MODIFIERS: Record<string, string[]> = {
  string: ['optional', 'unique', 'max=80', 'default=hello world'],
  text: ['optional'],
  int: ['optional', 'index', 'default=-5'],
  bigint: ['unique', 'default=9007199254740993'],
  float: ['optional', 'default=0.25'],
  decimal: ['index', 'default=12.50'],
  boolean: ['optional', 'default=false'],
  date: ['index', 'default=now'],
  datetime: ['optional', 'default=2024-02-29T23:59:59Z'],
  uuid: ['unique', 'optional'],
  json: ['optional'],
  enum: ['optional', 'index'],
  ref: ['optional', 'index'],
};

const fieldToken = fc.constantFrom(...FIELD_TYPES).chain((type) =>
  fc.shuffledSubarray(VALID_MODIFIERS[type] ?? []).map((mods) => {
    const required = type === 'enum' ? ['values=draft,live'] : type === 'ref' ? ['ref=customer'] : [];
    // `default=` takes the rest of the token, so it goes last.
    const ordered = [...required, ...mods.filter((m) => !m.startsWith('default=')), ...mods.filter((m) => m.startsWith('default='))];
    return { type, modifiers: ordered };
  }),
);

/**
 * Field token lists the grammar accepts: unique lower-case names, every type, valid modifiers in
 * any order. Refs point at `customer`, which the fuzzed project must hold.
 */
export const acceptedFieldTokens = fc
  .uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{2,8}$/), fieldToken), { minLength: 1, maxLength: 10, selector: ([name]) => name })
  // `fld` keeps every name clear of reserved words: a bare `f` prefix made `for` and `finally`.
  .map((fields) => fields.map(([name, { type, modifiers }]) => [`fld${name}`, type, ...modifiers].join(':')));

/** Accepted tokens with one piece broken: the kinds of typo a user makes. */
export const mutatedFieldTokens = fc
  .tuple(acceptedFieldTokens, fc.nat(), fc.constantFrom('drop-type', 'bad-type', 'bad-modifier', 'shell', 'reserved', 'digit', 'duplicate', 'empty'))
  .map(([tokens, at, mutation]) => {
    const index = at % tokens.length;
    const token = tokens[index] as string;
    const [name, ...rest] = token.split(':');
    const broken: Record<string, string> = {
      'drop-type': name as string,
      'bad-type': `${name}:money`,
      // Right after the type: after a `default=` it would be part of the default's value.
      'bad-modifier': [name, rest[0], 'sortable', ...rest.slice(1)].join(':'),
      shell: `${name}?:string`,
      reserved: `class:${rest.join(':')}`,
      digit: `1${token}`,
      duplicate: token,
      empty: '',
    };
    const result = [...tokens];
    if (mutation === 'duplicate') result.push(token);
    else result[index] = broken[mutation] as string;
    return result;
  });
