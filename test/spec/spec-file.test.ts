import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDomainSpec } from '../../src/spec/index.js';
import { readSpecFile } from '../../src/spec/spec-file.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { expectRefusal, layeredError } from './expect-error.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/specs');
let dir = '';
const write = (name: string, text: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

beforeAll(async () => {
  dir = await tempDir('spec');
});
afterAll(removeTempDirs);

describe('readSpecFile', () => {
  it('reads YAML and JSON alike', async () => {
    const yaml = await readSpecFile(write('a.yaml', 'name: tag\nfields:\n  - { name: label, type: string }\n'));
    const json = await readSpecFile(write('a.json', '{ "name": "tag", "fields": [{ "name": "label", "type": "string" }] }'));
    expect(yaml.data).toEqual(json.data);
  });

  it('names the file and line of a YAML syntax error', async () => {
    const file = write('broken.yaml', 'name: tag\nfields:\n  - name: label\n    type: [string\n');
    await expectRefusal(() => readSpecFile(file), { code: 'SPEC_FILE_SYNTAX', message: new RegExp(`^${file.replaceAll('\\', '\\\\')}:\\d+: invalid YAML`), hint: 'Fix the syntax' });
  });

  it('names the line of a JSON syntax error', async () => {
    const file = write('broken.json', '{\n  "name": "tag",\n  "fields": [,]\n}\n');
    const error = await layeredError(() => readSpecFile(file));
    expect(error.code).toBe('SPEC_FILE_SYNTAX');
    expect(error.message).toContain(`${file}:3: invalid JSON`);
  });

  it.each([
    ['missing.yaml', 'SPEC_FILE_NOT_FOUND', 'does not exist', '--spec'],
    ['spec.toml', 'SPEC_FILE_EXTENSION', 'is not .yaml, .yml or .json', 'product.yaml'],
  ])('refuses %s', async (name, code, message, hint) => {
    await expectRefusal(() => readSpecFile(path.join(dir, name)), { code, message, hint });
  });

  it('refuses an empty file and a directory', async () => {
    await expectRefusal(() => readSpecFile(write('empty.yaml', '\n')), { code: 'SPEC_FILE_EMPTY', message: 'is empty', hint: 'name, fields' });
    mkdirSync(path.join(dir, 'folder.yaml'));
    await expectRefusal(() => readSpecFile(path.join(dir, 'folder.yaml')), { code: 'SPEC_FILE_NOT_FOUND', message: 'is a directory', hint: '--spec' });
  });
});

describe('parseDomainSpec with a spec file', () => {
  it('gives schema errors the field path and the line in the file', async () => {
    const file = write('money.yaml', 'name: product\nfields:\n  - name: title\n    type: string\n  - name: price\n    type: money\n');
    const error = await layeredError(() => parseDomainSpec({ specFile: file }));
    expect(error.code).toBe('SPEC_UNKNOWN_TYPE');
    expect(error.message).toBe(`${file}:6: fields[1].type: unknown type "money" — use one of string, text, int, bigint, float, decimal, boolean, date, datetime, uuid, json, enum, ref.`);
    expect(error.hint).toContain('Did you mean decimal?');
    expect(error.file).toBe(file);
  });

  it('takes the domain name from the file, or from the command line when the file has none', async () => {
    expect((await parseDomainSpec({ specFile: path.join(fixtures, 'valid/order-item.json') })).name).toBe('order-item');
    const nameless = write('nameless.yaml', 'fields: [{ name: label, type: string }]\n');
    expect((await parseDomainSpec({ name: 'Tag', specFile: nameless })).name).toBe('tag');
  });

  it('accepts the same name in another spelling', async () => {
    expect((await parseDomainSpec({ name: 'order_item', specFile: path.join(fixtures, 'valid/order-item.json') })).name).toBe('order-item');
  });

  it('refuses two different names', async () => {
    await expectRefusal(() => parseDomainSpec({ name: 'invoice', specFile: path.join(fixtures, 'valid/product.yaml') }), {
      code: 'SPEC_NAME_MISMATCH',
      message: 'The domain is "invoice" on the command line but "product" in',
      hint: 'Leave the domain out of the command',
    });
  });

  it('refuses fields given both ways, and no name at all', async () => {
    await expectRefusal(() => parseDomainSpec({ tokens: ['a:int'], specFile: path.join(fixtures, 'valid/product.yaml') }), {
      code: 'SPEC_FIELDS_AND_FILE',
      message: 'both on the command line and in a spec file',
      hint: 'Put every field in the spec file',
    });
    await expectRefusal(() => parseDomainSpec({ tokens: ['a:int'] }), { code: 'SPEC_NO_NAME', message: 'No domain name given', hint: '--spec' });
    const nameless = write('nameless2.yaml', 'fields: [{ name: label, type: string }]\n');
    await expectRefusal(() => parseDomainSpec({ specFile: nameless }), { code: 'SPEC_NO_NAME', message: 'name: expected the domain name', hint: 'Add name:' });
  });
});
