import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainSpecSchema, parseDomainSpec } from '../../src/spec/index.js';
import { layeredError } from './expect-error.js';

const root = path.resolve(import.meta.dirname, '../../fixtures/specs');
const specFiles = (dir: string): string[] => readdirSync(path.join(root, dir)).filter((file) => /\.(ya?ml|json)$/.test(file) && !file.endsWith('.expect.json')).sort();

describe('fixtures/specs/valid', () => {
  it.each(specFiles('valid'))('%s parses to its expected spec', async (file) => {
    const spec = await parseDomainSpec({ specFile: path.join(root, 'valid', file) });
    const expected: unknown = JSON.parse(readFileSync(path.join(root, 'valid', file.replace(/\.\w+$/, '.expect.json')), 'utf8'));
    expect(spec).toEqual(expected);
    expect(domainSpecSchema.parse(spec)).toEqual(spec);
  });
});

describe('fixtures/specs/invalid: the bad-input corpus', () => {
  it('has an expectation for every case', () => {
    for (const file of specFiles('invalid')) {
      expect(readdirSync(path.join(root, 'invalid'))).toContain(file.replace(/\.\w+$/, '.expect.json'));
    }
    expect(specFiles('invalid').length).toBeGreaterThanOrEqual(30);
  });

  it.each(specFiles('invalid'))('%s is refused as expected', async (file) => {
    const specFile = path.join(root, 'invalid', file);
    const expected = JSON.parse(readFileSync(specFile.replace(/\.\w+$/, '.expect.json'), 'utf8')) as { code: string; messageIncludes: string };
    const error = await layeredError(() => parseDomainSpec({ specFile }));
    expect(error.code).toBe(expected.code);
    expect(error.message).toContain(expected.messageIncludes);
    expect(error.message).toContain(file);
    expect(error.file).toBe(specFile);
    expect(error.exitCode).toBe(1);
    expect(error.hint?.length).toBeGreaterThan(10);
  });
});
