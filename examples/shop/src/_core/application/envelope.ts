import type { Entity, Id } from '../domain/entity.js';
import type { Page, PageRequest, Slice, SliceRequest } from '../domain/list.js';
import { encodeCursor } from './cursor.js';
import { pageMeta, type PageMeta, type SliceMeta } from './pagination.js';

/** Every successful response body: `{ data }`; lists add `meta`. */
export interface Envelope<T> {
  data: T;
}

export interface PageEnvelope<T> extends Envelope<T[]> {
  meta: PageMeta;
}

export interface SliceEnvelope<T> extends Envelope<T[]> {
  meta: SliceMeta;
}

export interface ByIdsEnvelope<T> extends Envelope<T[]> {
  meta: { missing: Id[] };
}

export type ListEnvelope<T> = PageEnvelope<T> | SliceEnvelope<T> | ByIdsEnvelope<T>;

export function envelope<T>(data: T): Envelope<T> {
  return { data };
}

export function pageEnvelope<T>(page: Page<T>, request: PageRequest): PageEnvelope<T> {
  return { data: page.items, meta: pageMeta(request, page.total) };
}

export function sliceEnvelope<E extends Entity>(
  slice: Slice<E>,
  request: SliceRequest,
): SliceEnvelope<E> {
  const last = slice.items.at(-1);
  const nextCursor = slice.more && last ? encodeCursor(request, last) : null;
  return { data: slice.items, meta: { limit: request.limit, nextCursor } };
}
