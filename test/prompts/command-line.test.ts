import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { shellQuote, specToCommandLine, specToFieldTokens } from '../../src/prompts/index.js';
import { type DomainSpec, parseDomainSpec, validateDomainSpec } from '../../src/spec/index.js';

const validDir = path.resolve(import.meta.dirname, '../../fixtures/specs/valid');
const fixtureFiles = readdirSync(validDir).filter((file) => /\.(ya?ml|json)$/.test(file) && !file.endsWith('.expect.json')).sort();

/** Splits a command line into words the way the shell will. */
function shellWords(line: string): string[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

/** The command line read back: shell words, then the field grammar, then the one schema. */
async function readBack(line: string): Promise<DomainSpec> {
  const [layered, command, name, ...tokens] = shellWords(line);
  expect([layered, command]).toEqual(['layered', 'new']);
  return parseDomainSpec({ name, tokens });
}

describe('specToCommandLine', () => {
  it.each(fixtureFiles)('round-trips fixtures/specs/valid/%s through the grammar', async (file) => {
    const spec = await parseDomainSpec({ specFile: path.join(validDir, file) });
    const line = specToCommandLine(spec);
    expect(line.startsWith(`layered new ${spec.name} `)).toBe(true);
    expect(await readBack(line)).toEqual(spec);
  });

  it('writes the grammar users type: modifiers after the type, default last, ref target only when it differs', () => {
    const spec = validateDomainSpec({
      name: 'OrderItem',
      fields: [
        { name: 'sku', type: 'string', unique: true, max: 64 },
        { name: 'status', type: 'enum', values: ['draft', 'published'], default: 'draft', index: true },
        { name: 'category', type: 'ref', optional: true },
        { name: 'buyer', type: 'ref', ref: 'customer' },
        { name: 'parent', type: 'ref', ref: 'order-item' },
        { name: 'lineItem', type: 'ref' },
      ],
    });
    expect(specToCommandLine(spec)).toBe(
      'layered new order-item sku:string:unique:max=64 status:enum:index:values=draft,published:default=draft category:ref:optional buyer:ref=customer parent:ref=order-item lineItem:ref',
    );
  });

  it('quotes a default the shell would otherwise split or expand, and reads it back unchanged', async () => {
    const spec = validateDomainSpec({
      name: 'note',
      fields: [
        { name: 'title', type: 'string', default: "it's a $HOME *glob* (x) | y; z" },
        { name: 'startsAt', type: 'datetime', default: '2024-01-31T09:30:00+02:00' },
        { name: 'ratio', type: 'float', default: 1e-7 },
        { name: 'big', type: 'bigint', default: '-9223372036854775808' },
        { name: 'done', type: 'boolean', default: false },
        { name: 'empty', type: 'text', default: '' },
      ],
    });
    const line = specToCommandLine(spec);
    expect(line).toContain(`'title:string:default=it'\\''s a $HOME *glob* (x) | y; z'`);
    expect(line).toContain('startsAt:datetime:default=2024-01-31T07:30:00.000Z');
    expect(await readBack(line)).toEqual(spec);
  });

  it('gives one unquoted grammar token per field', () => {
    const spec = validateDomainSpec({ name: 'tag', fields: [{ name: 'label', type: 'string', default: 'a b' }, { name: 'weight', type: 'int' }] });
    expect(specToFieldTokens(spec)).toEqual(['label:string:default=a b', 'weight:int']);
  });
});

describe('shellQuote', () => {
  it.each([
    ['name:string:max=120', 'name:string:max=120'],
    ['values=a,b', 'values=a,b'],
    ['', "''"],
    ['a b', "'a b'"],
    ['~/x', "'~/x'"],
    ["o'clock", "'o'\\''clock'"],
  ])('%j → %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
    expect(shellWords(quoted)).toEqual([word]);
  });
});
