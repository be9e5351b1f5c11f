import { describe, expect, it } from 'vitest';
import { LayeredError } from '../../src/errors.js';
import { type DomainSpecInput, assertRefsExist, domainSpecSchema, parseDomainSpec, validateDomainSpec } from '../../src/spec/index.js';
import { SpecError } from '../../src/spec/spec-error.js';
import { expectRefusal, layeredError } from './expect-error.js';

const spec = (...fields: DomainSpecInput['fields']): DomainSpecInput => ({ name: 'product', fields });
const one = (field: DomainSpecInput['fields'][number]) => validateDomainSpec(spec(field)).fields[0];

describe('domainSpecSchema: normalisation', () => {
  it('camel-cases field names, kebab-cases the domain, fills flags and ref targets', async () => {
    const result = await parseDomainSpec({ name: 'OrderItem', tokens: ['unit_price:decimal', 'line-note:text:optional', 'product:ref', 'buyer:ref=Customer'] });
    expect(result).toEqual({
      name: 'order-item',
      fields: [
        { name: 'unitPrice', type: 'decimal', optional: false, unique: false, index: false },
        { name: 'lineNote', type: 'text', optional: true, unique: false, index: false },
        { name: 'product', type: 'ref', optional: false, unique: false, index: false, ref: 'product' },
        { name: 'buyer', type: 'ref', optional: false, unique: false, index: false, ref: 'customer' },
      ],
    });
  });

  it('gives the same output when its output is parsed again', async () => {
    const first = await parseDomainSpec({ name: 'product', tokens: ['sku:string:max=40:unique', 'stock:int:default=0', 'active:boolean:default=true', 'at:datetime:default=2024-01-01T10:00:00+01:00', 'kind:enum:values=a,b:default=b', 'category:ref'] });
    expect(domainSpecSchema.parse(first)).toEqual(first);
  });

  it('accepts PascalCase field names by lower-casing the first letter', () => {
    expect(one({ name: 'UnitPrice', type: 'decimal' })?.name).toBe('unitPrice');
  });
});

describe('defaults are checked against the type and stored in their exact form', () => {
  it.each([
    ['string', 'hello', 'hello'],
    ['string', '', ''],
    ['text', 'long words', 'long words'],
    ['int', '0', 0],
    ['int', '-42', -42],
    ['int', 7, 7],
    ['bigint', '9223372036854775807', '9223372036854775807'],
    ['float', '0.5', 0.5],
    ['float', '1e3', 1000],
    ['decimal', '9.99', '9.99'],
    ['decimal', 9.5, '9.5'],
    ['boolean', 'true', true],
    ['boolean', false, false],
    ['date', '2024-02-29', '2024-02-29'],
    ['date', 'now', 'now'],
    ['datetime', 'now', 'now'],
    ['datetime', '2024-01-31T09:30:00+02:00', '2024-01-31T07:30:00.000Z'],
    ['uuid', '123E4567-E89B-12D3-A456-426614174000', '123e4567-e89b-12d3-a456-426614174000'],
  ] as const)('%s default %j → %j', (type, given, stored) => {
    expect(one({ name: 'value', type, default: given })?.default).toEqual(stored);
  });

  it('an enum default must be one of its values', () => {
    expect(one({ name: 'status', type: 'enum', values: ['draft', 'live'], default: 'live' })?.default).toBe('live');
  });

  it.each([
    ['int', '1.5', 'expected a whole number'],
    ['int', '2147483648', 'from -2147483648 to 2147483647'],
    ['int', 'abc', 'expected a whole number'],
    ['bigint', '9223372036854775808', 'from -9223372036854775808'],
    ['bigint', 9007199254740993, 'an exact whole number'],
    ['float', 'NaN', 'a finite number'],
    ['decimal', '1e5', 'a decimal number'],
    ['decimal', '1,000.00', 'a decimal number'],
    ['boolean', 'yes', 'true or false'],
    ['boolean', 'TRUE', 'true or false'],
    ['date', '2023-02-29', 'YYYY-MM-DD'],
    ['date', '31/01/2024', 'YYYY-MM-DD'],
    ['date', 'today', 'YYYY-MM-DD'],
    ['datetime', '2024-01-31T09:30:00', 'with a zone'],
    ['datetime', '2024-13-01T00:00:00Z', 'with a zone'],
    ['uuid', 'not-a-uuid', 'a UUID'],
    ['string', 5, 'a string'],
    ['string', 'x'.repeat(256), 'at most 255 characters'],
  ] as const)('%s default %j is refused: %s', async (type, given, why) => {
    await expectRefusal(() => validateDomainSpec(spec({ name: 'value', type, default: given })), { code: 'SPEC_BAD_DEFAULT', message: why, hint: /\S/ });
  });

  it('an enum default outside its values is refused, listing them', async () => {
    await expectRefusal(() => validateDomainSpec(spec({ name: 'status', type: 'enum', values: ['draft', 'live'], default: 'gone' })), {
      code: 'SPEC_BAD_DEFAULT',
      message: 'fields[0].default: default "gone" is not a valid enum: expected one of its values (draft, live)',
      hint: 'Pick one of: draft, live',
    });
  });
});

describe('domainSpecSchema: refusals name the path, the problem and the fix', () => {
  it.each([
    [{ name: 'body', type: 'text', unique: true }, 'SPEC_MODIFIER_NOT_ALLOWED', 'fields[0].unique: unique is not allowed on text fields', 'MySQL 8'],
    [{ name: 'data', type: 'json', index: true }, 'SPEC_MODIFIER_NOT_ALLOWED', 'fields[0].index: index is not allowed on json fields', 'MySQL 8'],
    [{ name: 'stock', type: 'int', max: 5 }, 'SPEC_MODIFIER_NOT_ALLOWED', 'fields[0].max: max is not allowed on int fields', 'string only'],
    [{ name: 'size', type: 'string', values: ['s'] }, 'SPEC_MODIFIER_NOT_ALLOWED', 'values is not allowed on string fields', 'use type enum'],
    [{ name: 'owner', type: 'int', ref: 'customer' }, 'SPEC_MODIFIER_NOT_ALLOWED', 'ref is not allowed on int fields', 'use type ref'],
    [{ name: 'sku', type: 'string', unique: true, index: true }, 'SPEC_MODIFIER_CONFLICT', 'unique and index are both set', 'Keep unique'],
    [{ name: 'name', type: 'string', max: 0 }, 'SPEC_BAD_MAX', 'max 0 is not a length from 1 to 16383', 'use type text'],
    [{ name: 'name', type: 'string', max: 20000 }, 'SPEC_BAD_MAX', 'from 1 to 16383', 'use type text'],
    [{ name: 'name', type: 'string', max: 1.5 }, 'SPEC_BAD_MAX', 'from 1 to 16383', 'use type text'],
    [{ name: 'sku', type: 'string', max: 1000, unique: true }, 'SPEC_BAD_MAX', 'from 1 to 768', '3,072-byte key limit'],
    [{ name: 'status', type: 'enum' }, 'SPEC_MISSING_VALUES', 'fields[0].values: an enum needs its values', 'values=draft,published'],
    [{ name: 'status', type: 'enum', values: [] }, 'SPEC_MISSING_VALUES', 'an enum needs its values', 'values=draft,published'],
    [{ name: 'status', type: 'enum', values: ['Draft'] }, 'SPEC_BAD_VALUES', 'enum value "Draft" is not lower-case', 'Start each value with a letter'],
    [{ name: 'status', type: 'enum', values: ['1st'] }, 'SPEC_BAD_VALUES', 'enum value "1st"', 'Start each value with a letter'],
    [{ name: 'status', type: 'enum', values: ['a', 'b', 'a'] }, 'SPEC_DUPLICATE_VALUE', 'enum value "a" is listed twice', 'List each value once'],
    [{ name: 'price', type: 'money' }, 'SPEC_UNKNOWN_TYPE', 'fields[0].type: unknown type "money" — use one of string, text, int', 'Did you mean decimal?'],
    [{ name: 'id', type: 'int' }, 'SPEC_FIELD_RESERVED', 'name "id" is reserved', 'Leave it out'],
    [{ name: 'created_at', type: 'datetime' }, 'SPEC_FIELD_RESERVED', 'name "created_at" is reserved', 'Leave it out'],
    [{ name: 'updatedAt', type: 'datetime' }, 'SPEC_FIELD_RESERVED', 'name "updatedAt" is reserved', 'Leave it out'],
    [{ name: 'delete', type: 'boolean' }, 'SPEC_FIELD_RESERVED_WORD', 'name "delete" is a JavaScript/TypeScript reserved word', 'deleteName'],
    [{ name: 'constructor', type: 'string' }, 'SPEC_FIELD_RESERVED_WORD', 'reserved word', 'constructorName'],
    [{ name: '', type: 'string' }, 'SPEC_FIELD_NAME_EMPTY', 'A field has an empty name', 'name:type'],
    [{ name: '2nd', type: 'string' }, 'SPEC_FIELD_NAME_LEADING_DIGIT', 'name "2nd" starts with a digit', 'put a word first'],
    [{ name: 'prix-€', type: 'string' }, 'SPEC_FIELD_NAME_CHARACTER', 'contains "€"', 'unitPrice'],
    [{ name: 'a/b', type: 'string' }, 'SPEC_FIELD_NAME_CHARACTER', 'contains "/"', 'unitPrice'],
    [{ name: 'unit__price', type: 'string' }, 'SPEC_FIELD_NAME_MALFORMED', 'doubled separator', 'unit_price'],
    [{ name: 'Unit_Price', type: 'string' }, 'SPEC_FIELD_NAME_MIXED_CASE', 'mixes capitals', 'unitPrice'],
    [{ name: 'categoryId', type: 'ref' }, 'SPEC_REF_NAME', 'ref field "categoryId" already ends in Id', 'category:ref'],
    [{ name: 'buyer', type: 'ref', ref: 'class' }, 'SPEC_BAD_REF', 'ref target: Domain name "class" is a JavaScript/TypeScript reserved word', 'Add a word'],
    [{ name: 'x'.repeat(41), type: 'string' }, 'SPEC_FIELD_NAME_TOO_LONG', 'longer than 40 characters', '64 characters'],
  ] as const)('%j → %s', async (field, code, message, hint) => {
    await expectRefusal(() => validateDomainSpec(spec(field as never)), { code, message, hint });
  });

  it('refuses duplicate fields, whatever spelling they were typed in', async () => {
    await expectRefusal(() => validateDomainSpec(spec({ name: 'unitPrice', type: 'decimal' }, { name: 'unit_price', type: 'int' })), {
      code: 'SPEC_DUPLICATE_FIELD',
      message: 'fields[1].name: duplicate field "unitPrice" (also fields[0])',
      hint: 'snake_case and camelCase spellings of a name are the same field',
    });
  });

  it('refuses a ref whose id column clashes with another field', async () => {
    await expectRefusal(() => validateDomainSpec(spec({ name: 'category', type: 'ref' }, { name: 'category_id', type: 'int' })), {
      code: 'SPEC_REF_COLUMN_CLASH',
      message: 'ref "category" adds a categoryId column, but the spec also has a field "categoryId"',
      hint: 'Remove the categoryId field',
    });
  });

  it('refuses string fields that exceed MySQL row size together', async () => {
    const fields = Array.from({ length: 5 }, (_, i) => ({ name: `part${i}`, type: 'string', max: 4000 }));
    await expectRefusal(() => validateDomainSpec(spec(...fields)), { code: 'SPEC_ROW_TOO_LARGE', message: 'MySQL allows 65535', hint: 'make long fields text' });
  });

  it.each([
    [{ name: 'product', fields: [] }, 'SPEC_NO_FIELDS', 'fields: a domain needs at least one field'],
    [{ name: 'product', fields: Array.from({ length: 61 }, (_, i) => ({ name: `f${i}x`, type: 'int' })) }, 'SPEC_TOO_MANY_FIELDS', 'at most 60 fields'],
    [{ fields: [{ name: 'a', type: 'int' }] }, 'SPEC_NO_NAME', 'name: expected the domain name'],
    [{ name: 'product', fields: [{ name: 'a', type: 'int', colour: 'red' }] }, 'SPEC_UNKNOWN_KEY', 'fields[0]: unknown key "colour"'],
    [{ name: 'product', fields: [{ name: 'a', type: 'int', optional: 'yes' }] }, 'SPEC_INVALID_VALUE', 'fields[0].optional: expected true or false'],
    [{ name: 'product', fields: 'name:string' }, 'SPEC_INVALID_VALUE', 'fields: expected a list of fields'],
    [['product'], 'SPEC_INVALID_VALUE', 'expected a spec: { name, fields'],
  ])('%j → %s', async (input, code, message) => {
    const error = await layeredError(() => validateDomainSpec(input));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
    expect(error.hint).toMatch(/\S/);
  });

  it('lists every problem, the first one leading', async () => {
    const error = await layeredError(() => validateDomainSpec(spec({ name: 'class', type: 'string' }, { name: 'price', type: 'money' })));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).issues.map((issue) => issue.path)).toEqual(['fields[0].name', 'fields[1].type']);
    expect(error.message.split('\n')).toHaveLength(2);
  });

  it('names the CLI token instead of fields[i] when the spec came from tokens', async () => {
    await expectRefusal(() => parseDomainSpec({ name: 'product', tokens: ['name:string', 'stock:int:default=lots'] }), {
      code: 'SPEC_BAD_DEFAULT',
      message: 'Field "stock:int:default=lots": default "lots" is not a valid int',
      hint: 'default=0',
    });
  });
});

describe('assertRefsExist', () => {
  const order = validateDomainSpec({ name: 'order', fields: [{ name: 'buyer', type: 'ref', ref: 'customer' }, { name: 'parent', type: 'ref', ref: 'order' }, { name: 'shipTo', type: 'ref', ref: 'address' }] });

  it('passes when every target exists (any spelling) or is the domain itself', () => {
    expect(() => assertRefsExist(order, ['Customer', 'address'])).not.toThrow();
  });

  it('names every missing target and suggests a near one', async () => {
    const error = await layeredError(() => assertRefsExist(order, ['customers']));
    expect(error).toBeInstanceOf(LayeredError);
    expect(error.code).toBe('SPEC_REF_MISSING');
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe('Domain "order" refs domains the project does not have: buyer → customer, shipTo → address.');
    expect(error.hint).toContain('Did you mean ref=customers?');
    expect(error.hint).toContain('layered new customer');
  });
});
