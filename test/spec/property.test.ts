import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredError } from '../../src/errors.js';
import { FIELD_TYPES } from '../../src/spec/field-types.js';
import { domainSpecSchema, parseDomainSpec } from '../../src/spec/index.js';
import { VALID_MODIFIERS } from '../fuzz/arbitraries.js';

/** Either a spec the schema accepts again unchanged, or a LayeredError with a message and a hint. */
async function parsesOrRefuses(name: string, tokens: string[]): Promise<void> {
  let spec;
  try {
    spec = await parseDomainSpec({ name, tokens });
  } catch (error) {
    expect(error).toBeInstanceOf(LayeredError);
    const refusal = error as LayeredError;
    expect(refusal.exitCode).toBe(1);
    expect(refusal.message.length).toBeGreaterThan(0);
    expect(refusal.hint?.length ?? 0).toBeGreaterThan(0);
    return;
  }
  expect(domainSpecSchema.parse(spec)).toEqual(spec);
}

const piece = fc.constantFrom(...FIELD_TYPES, 'optional', 'unique', 'index', 'default=0', 'default=now', 'default=true', 'max=10', 'max=x', 'values=a,b', 'values=', 'ref', 'ref=customer', 'ref=', '', 'integer', '=', '2024-01-01T00:00:00Z');
const word = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,10}$/);

describe('parseDomainSpec never fails with anything but a LayeredError', () => {
  it('on arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.array(fc.string(), { maxLength: 5 }), parsesOrRefuses),
      { numRuns: 500 },
    );
  });

  it('on arbitrary unicode and shell text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 4 }), parsesOrRefuses),
      { numRuns: 300 },
    );
  });

  it('on tokens assembled from the grammar\'s own pieces', async () => {
    const type = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELD_TYPES) }, { weight: 1, arbitrary: piece });
    const token = fc.tuple(word, type, fc.array(piece, { maxLength: 3 })).map(([name, first, parts]) => [name, first, ...parts].join(':'));
    await fc.assert(fc.asyncProperty(word, fc.array(token, { minLength: 1, maxLength: 6 }), parsesOrRefuses), { numRuns: 1000 });
  });

  it('accepts every well-formed token, whatever the order of its modifiers', async () => {
    // The shared table, plus a default holding the grammar's own separators and a ref target.
    const options: Record<string, string[]> = { ...VALID_MODIFIERS, text: ['optional', 'default=a:b=c'], ref: ['optional', 'unique', 'ref=customer'] };
    const field = fc.constantFrom(...FIELD_TYPES).chain((type) =>
      fc.shuffledSubarray(options[type] ?? []).map((mods) => ({ type, mods: type === 'enum' && !mods.includes('values=draft,live') ? [...mods, 'values=draft,live'] : mods })),
    );
    const fields = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{2,8}$/), field), { minLength: 1, maxLength: 12, selector: ([name]) => name });
    await fc.assert(
      fc.asyncProperty(fields, async (list) => {
        // The default must come last: it takes the rest of the token.
        const tokens = list.map(([name, { type, mods }]) => [`fld${name}`, type, ...mods.filter((m) => !m.startsWith('default=')), ...mods.filter((m) => m.startsWith('default='))].join(':'));
        const spec = await parseDomainSpec({ name: 'product', tokens });
        expect(spec.fields.map((f) => f.name)).toEqual(list.map(([name]) => `fld${name}`));
        expect(domainSpecSchema.parse(spec)).toEqual(spec);
      }),
      { numRuns: 300 },
    );
  });
});
