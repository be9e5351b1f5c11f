import { snakeCase } from 'change-case';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFieldName } from '../../src/spec/field-name.js';
import { kyselyCamelCase, kyselySnakeCase } from '../../src/spec/kysely-case.js';
import { domainNames, fieldNames } from '../../src/spec/names.js';
import { expectRefusal } from './expect-error.js';

describe('domainNames', () => {
  it.each(['order-item', 'OrderItem', 'order_item', 'orderItem'])('derives the same spellings from %s', (input) => {
    expect(domainNames(input)).toEqual({
      className: 'OrderItem',
      propertyName: 'orderItem',
      fileName: 'order-item',
      tableName: 'order_item',
      constantName: 'ORDER_ITEM',
      title: 'order item',
      pluralClass: 'OrderItems',
      pluralProperty: 'orderItems',
      pluralKebab: 'order-items',
      pluralTitle: 'order items',
      uncountable: false,
    });
  });

  it.each([
    ['person', 'people', 'People'],
    ['category', 'categories', 'Categories'],
    ['status', 'statuses', 'Statuses'],
    ['address', 'addresses', 'Addresses'],
    ['product', 'products', 'Products'],
    ['sales-person', 'sales-people', 'SalesPeople'],
    ['product-category', 'product-categories', 'ProductCategories'],
    ['order-status', 'order-statuses', 'OrderStatuses'],
    ['HTTPRequest', 'http-requests', 'HttpRequests'],
  ])('%s → /%s, %s', (input, url, pluralClass) => {
    expect(domainNames(input).pluralKebab).toBe(url);
    expect(domainNames(input).pluralClass).toBe(pluralClass);
  });

  it('pluralises only the last word of a multi-word name', () => {
    expect(domainNames('news-item').pluralKebab).toBe('news-items');
    expect(domainNames('person-address').pluralKebab).toBe('person-addresses');
  });

  it.each(['equipment', 'series', 'sheep', 'gym-equipment'])('keeps one URL form for the uncountable %s, but distinct code names', (input) => {
    const names = domainNames(input);
    expect(names.uncountable).toBe(true);
    expect(names.pluralKebab).toBe(names.fileName);
    expect(names.pluralTitle).toBe(names.title);
    expect(names.pluralProperty).toBe(`${names.propertyName}List`);
    expect(names.pluralClass).toBe(`${names.className}List`);
  });

  it.each(['order', 'group', 'select', 'table', 'user'])('accepts the SQL reserved word %s (Kysely quotes identifiers)', (input) => {
    expect(domainNames(input).tableName).toBe(input);
  });

  it.each([
    ['', 'NAME_EMPTY', 'empty', 'singular noun'],
    ['1item', 'NAME_LEADING_DIGIT', 'starts with a digit', 'put a word first'],
    ['class', 'NAME_RESERVED_WORD', 'reserved word', 'class-item'],
    ['Delete', 'NAME_RESERVED_WORD', 'reserved word ("delete")', 'delete-item'],
    ['new', 'NAME_RESERVED_WORD', 'reserved word', 'new-item'],
    ['default', 'NAME_RESERVED_WORD', 'reserved word', 'default-item'],
    ['function', 'NAME_RESERVED_WORD', 'reserved word', 'function-item'],
    ['import', 'NAME_RESERVED_WORD', 'reserved word', 'import-item'],
    ['core', 'NAME_CORE_COLLISION', 'collides with the project\'s own "core"', 'more specific'],
    ['shared', 'NAME_CORE_COLLISION', '"shared"', 'more specific'],
    ['App', 'NAME_CORE_COLLISION', '"app"', 'more specific'],
    ['server_container', 'NAME_CORE_COLLISION', '"server-container"', 'more specific'],
    ['migrations', 'NAME_CORE_COLLISION', '"migrations"', 'more specific'],
    ['date', 'NAME_SHADOWS_GLOBAL', 'class "Date"', 'date-record'],
    ['record', 'NAME_SHADOWS_GLOBAL', 'class "Record"', 'record-record'],
    ['entity', 'NAME_SHADOWS_GLOBAL', 'class "Entity"', 'more specific'],
    ['a/b', 'NAME_PATH_CHARACTER', 'path character', 'folder name, not a path'],
    ['a\\b', 'NAME_PATH_CHARACTER', 'path character', 'folder name'],
    ['..', 'NAME_PATH_CHARACTER', 'path character', 'folder name'],
    ['café', 'NAME_INVALID_CHARACTER', 'contains "é"', 'order-item'],
    ['order item', 'NAME_INVALID_CHARACTER', 'contains " "', 'order-item'],
    ['order.item', 'NAME_INVALID_CHARACTER', 'contains "."', 'order-item'],
    ['-order', 'NAME_MALFORMED', 'leading, trailing or doubled separator', 'order'],
    ['order--item', 'NAME_MALFORMED', 'doubled separator', 'order-item'],
    ['item-2', 'NAME_DIGIT_WORD', 'word starting with a digit ("2")', 'item2'],
    ['a'.repeat(41), 'NAME_TOO_LONG', 'longer than 40', '64 characters'],
    ['plan-a-item', 'NAME_ROUND_TRIP', 'table "plan_aitem", not "plan_a_item"', 'spell it out'],
  ])('refuses %j: %s', async (input, code, message, hint) => {
    await expectRefusal(() => domainNames(input), { code, message, hint });
  });
});

describe('fieldNames', () => {
  it.each(['unitPrice', 'unit_price', 'unit-price', 'UnitPrice'])('derives property and column from %s', (input) => {
    expect(fieldNames(input)).toEqual({ propertyName: 'unitPrice', columnName: 'unit_price', title: 'unit price' });
  });

  it('adds the foreign-key spellings of a ref', () => {
    expect(fieldNames('shipping_address', { ref: true })).toMatchObject({ idPropertyName: 'shippingAddressId', idColumnName: 'shipping_address_id' });
  });

  it('keeps digits where Kysely keeps them', () => {
    expect(fieldNames('line1').columnName).toBe('line1');
    expect(fieldNames('address2Line').columnName).toBe('address2_line');
  });

  it('refuses with the field in the message', async () => {
    await expectRefusal(() => fieldNames('userID'), { code: 'SPEC_FIELD_ROUND_TRIP', message: 'Field name "userID" does not survive', hint: 'Name it userId.' });
  });
});

describe("Kysely's CamelCasePlugin conversion", () => {
  it.each([
    ['userId', 'user_id'],
    ['userID', 'user_id'],
    ['line1', 'line1'],
    ['address2Line', 'address2_line'],
    ['fooBAR', 'foo_bar'],
    ['FooBar', 'foo_bar'],
    ['a1B', 'a1_b'],
    ['already_snake', 'already_snake'],
  ])('snake(%s) = %s', (camel, snake) => {
    expect(kyselySnakeCase(camel)).toBe(snake);
  });

  it.each([
    ['user_id', 'userId'],
    ['line_1', 'line1'],
    ['address_2_line', 'address2Line'],
    ['address2_line', 'address2Line'],
    ['a__b', 'aB'],
  ])('camel(%s) = %s', (snake, camel) => {
    expect(kyselyCamelCase(snake)).toBe(camel);
  });

  it.each([
    ['userID', 'userId'],
    ['htmlURL', 'htmlUrl'],
    ['URL', 'url'],
    ['aBC', 'aBc'],
  ])('refuses %s, which does not round-trip, with the spelling %s that does', async (input, fix) => {
    await expectRefusal(() => fieldNames(input), { code: 'SPEC_FIELD_ROUND_TRIP', message: `reads back as "${fix}"`, hint: `Name it ${fix}.` });
  });

  it.each([
    ['line_1', 'line1'],
    ['address_2_line', 'address2Line'],
    ['line-1', 'line1'],
  ])('refuses the snake/kebab %s, whose column would not be what was typed', async (input, fix) => {
    await expectRefusal(() => fieldNames(input), { code: 'SPEC_FIELD_ROUND_TRIP', message: 'puts no _ before digits', hint: `Name it ${fix}` });
  });

  it('accepts only names whose column reads back unchanged, and then change-case agrees on the column', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,12}$/), (name) => {
        const checked = checkFieldName(name);
        if (!checked.ok) return;
        expect(kyselyCamelCase(kyselySnakeCase(checked.value))).toBe(checked.value);
        expect(snakeCase(checked.value)).toBe(kyselySnakeCase(checked.value));
      }),
      { numRuns: 500 },
    );
  });
});
