import type { Id } from '../domain/entity.js';
import type { Page, PageRequest } from '../domain/repository.js';
import { pageMeta, type PageMeta } from './pagination.js';

/** Every successful response body: `{ data }`; lists add `meta`. */
export interface Envelope<T> {
  data: T;
}

export interface PageEnvelope<T> extends Envelope<T[]> {
  meta: PageMeta;
}

export interface ByIdsEnvelope<T> extends Envelope<T[]> {
  meta: { missing: Id[] };
}

export function envelope<T>(data: T): Envelope<T> {
  return { data };
}

export function pageEnvelope<T>(page: Page<T>, request: PageRequest): PageEnvelope<T> {
  return { data: page.items, meta: pageMeta(request, page.total) };
}
