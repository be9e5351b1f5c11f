import { describe, expect, it } from 'vitest';

import { apiChanges, assertSafe, changesSchema, columnChanges, risks } from '../../src/change/column-changes.js';
import { applyOperations, parseOperations, targetFromSpecData } from '../../src/change/operations.js';
import { LayeredError } from '../../src/errors.js';
import { validateDomainSpec, type DomainSpec } from '../../src/spec/index.js';

const product: DomainSpec = validateDomainSpec({
  name: 'product',
  fields: [
    { name: 'name', type: 'string', max: 120 },
    { name: 'price', type: 'decimal' },
    { name: 'stock', type: 'int', optional: true },
    { name: 'status', type: 'enum', values: ['draft', 'live'], default: 'draft' },
  ],
});

const change = (...args: string[]) => {
  const target = applyOperations(product, parseOperations(args));
  return { ...target, changes: columnChanges(product, target.spec, target.renames) };
};
const levels = (...args: string[]) => risks(change(...args).changes).map((risk) => `${risk.level}:${risk.field}`);

describe('applyOperations', () => {
  it('applies actions in order, tracking renames back to the original name', () => {
    const { spec, renames } = change('rename', 'name=title', 'rename', 'title=label', 'add', 'weight:float:optional', 'drop', 'stock');
    expect(spec.fields.map((field) => field.name)).toEqual(['label', 'price', 'status', 'weight']);
    expect([...renames]).toEqual([['label', 'name']]);
  });

  it('a field added then renamed is an add, not a rename', () => {
    const { renames, changes } = change('add', 'weight:float:optional', 'rename', 'weight=mass');
    expect(renames.size).toBe(0);
    expect(changes.find((c) => c.after?.name === 'mass')?.before).toBeUndefined();
  });

  it('alter replaces the whole definition', () => {
    const { spec } = change('alter', 'stock:bigint:default=0');
    expect(spec.fields.find((field) => field.name === 'stock')).toEqual({ name: 'stock', type: 'bigint', optional: false, unique: false, index: false, default: '0' });
  });

  it('reads renamedFrom from a spec file and keeps it out of the spec', () => {
    const target = targetFromSpecData({ name: 'product', fields: [{ name: 'title', type: 'string', renamedFrom: 'name' }, ...product.fields.slice(1)] }, product, validateDomainSpec);
    expect([...target.renames]).toEqual([['title', 'name']]);
    expect(target.spec.fields[0]).not.toHaveProperty('renamedFrom');
  });
});

describe('the data-safety rules', () => {
  it.each([
    [['add', 'weight:float:optional'], []],
    [['add', 'stock2:int:default=0'], []],
    [['rename', 'name=title'], []],
    [['alter', 'name:string:max=200'], []],
    [['alter', 'stock:bigint:optional'], []],
    [['alter', 'stock:decimal:optional'], []],
    [['alter', 'price:decimal:optional'], []],
    [['alter', 'stock:int:default=0'], []],
    [['alter', 'name:string:max=120:index'], []],
    [['alter', 'status:enum:values=draft,live,gone:default=draft'], []],
    [['drop', 'stock'], ['loss:stock']],
    [['alter', 'name:string:max=20'], ['loss:name']],
    [['alter', 'price:int'], ['loss:price']],
    [['alter', 'status:enum:values=draft:default=draft'], ['loss:status']],
    [['alter', 'name:string:max=120:unique'], ['loss:name']],
    [['alter', 'stock:int'], ['refused:stock']],
    [['add', 'weight:float'], ['refused:weight']],
    [['add', 'owner:ref=product'], ['refused:owner']],
    [['add', 'code:string:unique:default=x'], ['refused:code']],
  ])('%j → %j', (args, expected) => {
    expect(levels(...args)).toEqual(expected);
  });

  it('--allow-data-loss lets losses through but never a refusal', () => {
    expect(() => assertSafe(risks(change('drop', 'stock').changes), true)).not.toThrow();
    expect(() => assertSafe(risks(change('drop', 'stock').changes), false)).toThrow(LayeredError);
    const refused = (() => {
      try {
        assertSafe(risks(change('alter', 'stock:int').changes), true);
      } catch (error) {
        return error as LayeredError;
      }
    })();
    expect(refused?.exitCode).toBe(2);
    expect(refused?.hint).toContain('default');
  });

  it('tells apart a schema change from an API-only one, and names what clients see change', () => {
    const renamed = change('rename', 'name=title', 'drop', 'stock');
    expect(renamed.changes.filter(changesSchema).map((c) => c.after?.name ?? `-${c.before?.name}`)).toEqual(['title', '-stock']);
    expect(apiChanges(renamed.changes)).toEqual(['name is now title', 'stock is no longer in requests or responses']);
    expect(change('alter', 'name:string:max=120').changes.some(changesSchema)).toBe(false);
  });
});
