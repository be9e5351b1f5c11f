/*
 * What a list asks of a repository: filters, an order and a page or a slice. The HTTP layer
 * builds these from query keys (`price.gte=10&sort=-price`); repositories turn them into SQL.
 */

/** The kinds of value a list can filter or sort on; each decides the operators it takes. */
export type FieldKind =
  | 'id'
  | 'int'
  | 'bigint'
  | 'float'
  | 'decimal'
  | 'date'
  | 'datetime'
  | 'string'
  | 'text'
  | 'boolean'
  | 'enum'
  | 'uuid';

export type FilterOperator =
  'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'contains' | 'startsWith' | 'isNull';

/** A value in its JSON form: decimals, bigints, dates and datetimes as strings. */
export type FieldValue = string | number | boolean;

export interface Filter {
  field: string;
  kind: FieldKind;
  operator: FilterOperator;
  /** A list for `in`, whether the field is null for `isNull`, else one value. */
  value: FieldValue | readonly FieldValue[];
}

export interface SortKey {
  field: string;
  kind: FieldKind;
  descending: boolean;
  /** A nullable key sorts its nulls first when ascending and last when descending. */
  nullable: boolean;
}

export interface ListCriteria {
  /** Every one must hold. */
  filters: readonly Filter[];
  /** Never empty: it always ends with `id`, so the order is total. */
  sort: readonly SortKey[];
}

/** Offset paging: the page's rows and the total that match. */
export interface PageRequest extends ListCriteria {
  page: number;
  pageSize: number;
}

export interface Page<E> {
  items: E[];
  total: number;
}

/**
 * Keyset paging: up to `limit` rows after the row whose sort values are `after` (one per sort
 * key), or from the start. No count and no offset, so a deep slice costs what the first does.
 */
export interface SliceRequest extends ListCriteria {
  limit: number;
  after: ReadonlyArray<FieldValue | null> | null;
}

export interface Slice<E> {
  items: E[];
  /** Whether rows follow the last one. */
  more: boolean;
}

/** The order every list has unless asked otherwise. */
export const ID_ORDER: readonly SortKey[] = [
  { field: 'id', kind: 'id', descending: false, nullable: false },
];
