import { camelCase, constantCase, noCase, pascalCase, snakeCase } from 'change-case';
import pluralize from 'pluralize';
import { checkDomainName } from './domain-name.js';
import { checkFieldName } from './field-name.js';
import { kyselySnakeCase } from './kysely-case.js';
import { unwrap } from './problem.js';

/** Every spelling of a domain name the generator needs; templates get these as plain values. */
export interface DomainNames {
  /** `OrderItem`: entity type, service, repository and module classes. */
  className: string;
  /** `orderItem`: variables, DI tokens. */
  propertyName: string;
  /** `order-item`: folders and file names; also the canonical form stored in specs. */
  fileName: string;
  /** `order_item`: the table (singular). */
  tableName: string;
  /** `ORDER_ITEM`: error codes such as `ORDER_ITEM_NOT_FOUND`. */
  constantName: string;
  /** `order item`: messages and docs. */
  title: string;
  /** `OrderItems`, or `EquipmentList` when the plural equals the singular. */
  pluralClass: string;
  /** `orderItems`, or `equipmentList` when the plural equals the singular. */
  pluralProperty: string;
  /** `order-items`: the URL collection segment (`/api/v1/order-items`); `equipment` stays `equipment`. */
  pluralKebab: string;
  /** `order items`: messages and docs. */
  pluralTitle: string;
  /** The English plural equals the singular (`equipment`, `series`). */
  uncountable: boolean;
}

/** Spellings of one field: camelCase in code, snake_case in the database. */
export interface FieldNames {
  /** `unitPrice`: entity and DTO property. */
  propertyName: string;
  /** `unit_price`: the column, as Kysely's CamelCasePlugin spells it. */
  columnName: string;
  /** `unit price`: messages and docs. */
  title: string;
  /** For a ref field, the foreign-key property and column: `categoryId`, `category_id`. */
  idPropertyName?: string;
  idColumnName?: string;
}

/**
 * Derives every spelling of a domain name typed in any form; throws a LayeredError (exit 1)
 * naming the reason when the name cannot be used.
 *
 * Plurals come from `pluralize`, applied to the last word only (`order-item` → `order-items`,
 * `sales-person` → `sales-people`). When the plural equals the singular (`equipment`), URLs keep
 * the one form (`/equipment` and `/equipment/{id}` do not clash) but code identifiers for a
 * collection get a `List` suffix, so `equipment` (one) and `equipmentList` (many) can sit in
 * the same scope.
 *
 * @example domainNames('order_item').pluralKebab // 'order-items'
 * @example domainNames('Person').pluralClass     // 'People'
 * @example domainNames('equipment').pluralProperty // 'equipmentList'
 */
export function domainNames(input: string): DomainNames {
  const fileName = unwrap(checkDomainName(input));
  const words = fileName.split('-');
  const last = words.at(-1) ?? fileName;
  const pluralLast = pluralize.plural(last);
  const uncountable = pluralLast === last;
  const plural = [...words.slice(0, -1), pluralLast].join('-');
  const collection = uncountable ? `${fileName}-list` : plural;
  return {
    className: pascalCase(fileName),
    propertyName: camelCase(fileName),
    fileName,
    tableName: snakeCase(fileName),
    constantName: constantCase(fileName),
    title: noCase(fileName),
    pluralClass: pascalCase(collection),
    pluralProperty: camelCase(collection),
    pluralKebab: plural,
    pluralTitle: noCase(plural),
    uncountable,
  };
}

/**
 * Spellings of a field name (any form); the column is Kysely's CamelCasePlugin spelling, so the
 * migration and the plugin always agree. Pass `{ ref: true }` for a ref field's id column.
 *
 * @example fieldNames('unit_price')              // { propertyName: 'unitPrice', columnName: 'unit_price', title: 'unit price' }
 * @example fieldNames('category', { ref: true }) // ... idPropertyName: 'categoryId', idColumnName: 'category_id'
 */
export function fieldNames(input: string, options: { ref?: boolean } = {}): FieldNames {
  const checked = checkFieldName(input);
  // The check's messages follow a path (`fields[0].name: name "x" ...`); alone they need a subject.
  const propertyName = unwrap(checked.ok ? checked : { ok: false, problem: { ...checked.problem, message: `Field ${checked.problem.message}` } });
  const names: FieldNames = { propertyName, columnName: kyselySnakeCase(propertyName), title: noCase(propertyName) };
  if (options.ref === true) {
    names.idPropertyName = `${propertyName}Id`;
    names.idColumnName = kyselySnakeCase(`${propertyName}Id`);
  }
  return names;
}
