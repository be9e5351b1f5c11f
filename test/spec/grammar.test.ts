import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../../src/spec/field-types.js';
import { parseFieldToken } from '../../src/spec/grammar.js';
import { expectRefusal } from './expect-error.js';

describe('parseFieldToken: accepted forms', () => {
  it.each(FIELD_TYPES.filter((type) => type !== 'enum'))('reads the type %s', (type) => {
    expect(parseFieldToken(`thing:${type}`)).toEqual({ name: 'thing', type });
  });

  it('reads an enum with its values', () => {
    expect(parseFieldToken('status:enum:values=draft,live,archived')).toEqual({ name: 'status', type: 'enum', values: ['draft', 'live', 'archived'] });
  });

  it.each([
    ['description:text:optional', { name: 'description', type: 'text', optional: true }],
    ['sku:string:unique', { name: 'sku', type: 'string', unique: true }],
    ['placedAt:datetime:index', { name: 'placedAt', type: 'datetime', index: true }],
    ['name:string:max=120', { name: 'name', type: 'string', max: 120 }],
    ['stock:int:default=0', { name: 'stock', type: 'int', default: '0' }],
    ['category:ref', { name: 'category', type: 'ref' }],
    ['buyer:ref=customer', { name: 'buyer', type: 'ref', ref: 'customer' }],
    ['category:ref:ref=category', { name: 'category', type: 'ref', ref: 'category' }],
    ['parent:ref=category:optional:index', { name: 'parent', type: 'ref', ref: 'category', optional: true, index: true }],
    ['sku:string:max=40:unique:optional', { name: 'sku', type: 'string', max: 40, unique: true, optional: true }],
  ])('reads %s', (token, expected) => {
    expect(parseFieldToken(token)).toEqual(expected);
  });

  it('takes the rest of the token as the default, with its colons, equals signs and spaces', () => {
    expect(parseFieldToken('startsAt:datetime:default=2024-01-01T09:00:00Z')).toMatchObject({ default: '2024-01-01T09:00:00Z' });
    expect(parseFieldToken('note:string:optional:default=a=b:c d')).toEqual({ name: 'note', type: 'string', optional: true, default: 'a=b:c d' });
    expect(parseFieldToken('motto:string:default=why? (because)')).toMatchObject({ default: 'why? (because)' });
    expect(parseFieldToken('label:string:default=')).toMatchObject({ default: '' });
  });
});

describe('parseFieldToken: each malformed form has its own message', () => {
  it.each([
    ['', 'SPEC_EMPTY_TOKEN', 'empty token', 'name:type'],
    ['   ', 'SPEC_EMPTY_TOKEN', 'empty token', 'name:type'],
    ['price', 'SPEC_MISSING_TYPE', 'Field "price": missing type', 'price:<type>'],
    ['price:', 'SPEC_MISSING_TYPE', 'missing type', 'price:<type>'],
    ['price:optional', 'SPEC_MISSING_TYPE', 'missing type', 'price:<type>:optional'],
    ['price:default=3', 'SPEC_MISSING_TYPE', 'missing type', 'price:<type>:default=3'],
    ['price:money', 'SPEC_UNKNOWN_TYPE', 'unknown type "money" — use one of string, text', 'Did you mean decimal?'],
    ['count:integer', 'SPEC_UNKNOWN_TYPE', 'unknown type "integer"', 'Did you mean int?'],
    ['active:bool', 'SPEC_UNKNOWN_TYPE', 'unknown type "bool"', 'Did you mean boolean?'],
    ['title:str', 'SPEC_UNKNOWN_TYPE', 'unknown type "str"', 'Did you mean string?'],
    ['total:number', 'SPEC_UNKNOWN_TYPE', 'unknown type "number"', 'Did you mean int, float or decimal?'],
    ['at:datetme', 'SPEC_UNKNOWN_TYPE', 'unknown type "datetme"', 'Did you mean datetime?'],
    ['name:String', 'SPEC_UNKNOWN_TYPE', 'unknown type "String"', 'Did you mean string?'],
    ['x:zzzzzz', 'SPEC_UNKNOWN_TYPE', 'unknown type "zzzzzz"', 'Types: string, text'],
    ['note:string:nullable', 'SPEC_UNKNOWN_MODIFIER', 'unknown modifier "nullable"', 'Did you mean optional?'],
    ['note:string:required', 'SPEC_UNKNOWN_MODIFIER', 'unknown modifier "required"', 'Fields are required unless marked optional'],
    ['note:string:length=3', 'SPEC_UNKNOWN_MODIFIER', 'unknown modifier "length=3"', 'Did you mean max=N?'],
    ['body:text:unique', 'SPEC_MODIFIER_NOT_ALLOWED', 'unique is not allowed on text fields', 'MySQL 8 cannot index text'],
    ['data:json:index', 'SPEC_MODIFIER_NOT_ALLOWED', 'index is not allowed on json fields', 'MySQL 8 cannot index json'],
    ['active:boolean:unique', 'SPEC_MODIFIER_NOT_ALLOWED', 'unique is not allowed on boolean fields', 'applies to string, int'],
    ['ratio:float:index', 'SPEC_MODIFIER_NOT_ALLOWED', 'index is not allowed on float fields', 'applies to string, int'],
    ['stock:int:max=3', 'SPEC_MODIFIER_NOT_ALLOWED', 'max is not allowed on int fields', 'string only'],
    ['size:string:values=a,b', 'SPEC_MODIFIER_NOT_ALLOWED', 'values is not allowed on string fields', 'use type enum'],
    ['owner:int:ref=customer', 'SPEC_MODIFIER_NOT_ALLOWED', 'ref is not allowed on int fields', 'use type ref'],
    ['data:json:default={}', 'SPEC_MODIFIER_NOT_ALLOWED', 'default is not allowed on json fields', 'json columns take no default'],
    ['category:ref:default=1', 'SPEC_MODIFIER_NOT_ALLOWED', 'default is not allowed on ref fields', 'make it optional'],
    ['sku:string:unique:unique', 'SPEC_MODIFIER_REPEATED', 'modifier unique is repeated', 'Give unique once'],
    ['name:string:max=10:max=20', 'SPEC_MODIFIER_REPEATED', 'modifier max is repeated', 'Give max once'],
    ['buyer:ref=customer:ref=person', 'SPEC_MODIFIER_REPEATED', 'modifier ref is repeated', 'Give ref once'],
    ['name:string:max=abc', 'SPEC_BAD_MAX', 'max needs a whole number of characters, got "abc"', 'max=120'],
    ['name:string:max=-1', 'SPEC_BAD_MAX', 'got "-1"', 'max=120'],
    ['name:string:max', 'SPEC_BAD_MAX', 'got ""', 'max=120'],
    ['status:enum:values=', 'SPEC_BAD_VALUES', 'values is empty', 'values=draft,published'],
    ['status:enum:values', 'SPEC_BAD_VALUES', 'values is empty', 'values=draft,published'],
    ['status:enum:values=a,,b', 'SPEC_BAD_VALUES', 'has an empty entry', 'single commas'],
    ['buyer:ref=', 'SPEC_BAD_REF', 'ref= names no domain', 'buyer:ref=customer'],
    ['sku:string:unique=true', 'SPEC_MODIFIER_VALUE', 'unique takes no value', 'Write just :unique'],
    ['stock:int:default', 'SPEC_MODIFIER_VALUE', 'default needs a value', 'default=V'],
    ['sku:string::unique', 'SPEC_EMPTY_MODIFIER', 'empty modifier', 'Remove the extra colon'],
    ['sku:string:', 'SPEC_EMPTY_MODIFIER', 'empty modifier', 'Remove the extra colon'],
  ])('%j → %s', async (token, code, message, hint) => {
    await expectRefusal(() => parseFieldToken(token), { code, message, hint });
  });

  it.each(['a?:string', 'a|b:string', 'a(b):string', 'a<b:string', 'a>b:string', 'a{b}:string', 'a*:string', 'name:string:max=1;', 'a b:string', 'a$b:string'])(
    'refuses the shell-special characters in %j, saying why',
    async (token) => {
      await expectRefusal(() => parseFieldToken(token), { code: 'SPEC_SHELL_CHARACTER', message: /is special to zsh and bash/, hint: 'only a default=V value may hold other characters' });
    },
  );
});
