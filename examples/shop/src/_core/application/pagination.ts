import type { Id } from '../domain/entity.js';
import type { ListCriteria, PageRequest } from '../domain/list.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A list request as the HTTP layer parsed it: rows by ids, an offset page or a keyset slice. */
export type ListQuery =
  | { kind: 'ids'; ids: Id[] }
  | { kind: 'page'; criteria: ListCriteria; page: number; pageSize: number }
  | { kind: 'slice'; criteria: ListCriteria; limit: number; cursor: string | null };

export interface PageMeta {
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

export interface SliceMeta {
  limit: number;
  /** Send as `after` for the rows that follow; null after the last. */
  nextCursor: string | null;
}

export function pageMeta({ page, pageSize }: PageRequest, total: number): PageMeta {
  return { page, pageSize, total, totalPages: Math.ceil(total / pageSize) };
}
