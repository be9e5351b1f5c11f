import type { Id } from '../domain/entity.js';
import type { PageRequest } from '../domain/repository.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageMeta {
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

/** A list request: `ids` asks for those rows in that order; otherwise a page in id order. */
export interface ListQuery {
  page?: number | undefined;
  pageSize?: number | undefined;
  ids?: Id[] | undefined;
}

export function pageMeta({ page, pageSize }: PageRequest, total: number): PageMeta {
  return { page, pageSize, total, totalPages: Math.ceil(total / pageSize) };
}
