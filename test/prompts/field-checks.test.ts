import { describe, expect, it } from 'vitest';

import { domainNameVerdict, fieldNameVerdict, fieldProblem, fieldVerdict } from '../../src/prompts/field-checks.js';

const earlier = [{ name: 'sku', type: 'string' }, { name: 'category', type: 'ref' }];

describe('inline verdicts reuse the spec checks', () => {
  it('accepts good answers', () => {
    expect(domainNameVerdict('order_item')).toBe(true);
    expect(fieldNameVerdict('product', earlier, 'unit_price')).toBe(true);
  });

  it.each([
    ['class', /reserved word/],
    ['a/b', /path character/],
    ['', /empty/],
  ])('refuses the domain name %j with its reason and hint', (answer, reason) => {
    expect(domainNameVerdict(answer)).toMatch(reason);
  });

  it.each([
    ['userID', /Name it userId/],
    ['createdAt', /reserved/],
    ['Sku', /duplicate field "sku"/],
    ['categoryId', /adds a categoryId column/],
  ])('refuses the field name %j', (answer, reason) => {
    expect(fieldNameVerdict('product', earlier, answer)).toMatch(reason);
  });

  it('judges one answer by the schema, ignoring answers not given yet', () => {
    expect(fieldVerdict('product', [], { name: 'code', type: 'string', unique: true, max: 1000 }, 'max')).toMatch(/max 1000 is not a length from 1 to 768/);
    expect(fieldVerdict('product', [], { name: 'code', type: 'string', unique: true, index: true }, 'index')).toMatch(/unique and index are both set/);
    expect(fieldVerdict('product', [], { name: 'stock', type: 'int', default: 'many' }, 'default')).toMatch(/not a valid int/);
    expect(fieldVerdict('product', [], { name: 'status', type: 'enum', values: ['Draft'] }, 'values')).toMatch(/not lower-case/);
    expect(fieldVerdict('product', [], { name: 'status', type: 'enum' }, 'default')).toBe(true);
  });

  it('finds whole-field problems once every answer is in', () => {
    expect(fieldProblem('product', [], { name: 'buyerId', type: 'ref' })?.code).toBe('SPEC_REF_NAME');
    expect(fieldProblem('product', [], { name: 'status', type: 'enum' })?.code).toBe('SPEC_MISSING_VALUES');
    expect(fieldProblem('product', earlier, { name: 'price', type: 'decimal' })).toBeUndefined();
  });
});
