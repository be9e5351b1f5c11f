import type { BaseService } from '../domain/base.service.js';
import type { Entity, Id } from '../domain/entity.js';
import { ValidationError } from '../domain/errors.js';
import type { ListCriteria } from '../domain/list.js';
import type { OwnerScope } from '../domain/scope.js';
import { readCursor } from './cursor.js';
import {
  envelope,
  pageEnvelope,
  sliceEnvelope,
  type ByIdsEnvelope,
  type Envelope,
  type ListEnvelope,
} from './envelope.js';
import type { ListQuery } from './pagination.js';

/**
 * What the HTTP layer calls: runs the service and wraps results in response envelopes. Each
 * call takes the caller's `scope` when the domain's rows belong to users.
 *
 * @example
 * export class ProductUseCase extends BaseUseCase<CreateProduct, Product, UpdateProduct> {}
 */
export abstract class BaseUseCase<Create, E extends Entity, Update> {
  constructor(protected readonly service: BaseService<Create, E, Update>) {}

  async create(input: Create, scope?: OwnerScope): Promise<Envelope<E>> {
    return envelope(await this.service.create(input, scope));
  }

  async createMany(inputs: readonly Create[], scope?: OwnerScope): Promise<Envelope<E[]>> {
    return envelope(await this.service.createMany(inputs, scope));
  }

  /** `GET /<plural>`: rows by ids, an offset page with its total, or a slice after a cursor. */
  async find(query: ListQuery, scope?: OwnerScope): Promise<ListEnvelope<E>> {
    if (query.kind === 'ids') return this.getMany(query.ids, scope);
    return this.list(query, query.criteria, scope);
  }

  /**
   * `GET /categories/{id}/products`: the rows whose ref `field` holds `id`, filtered, sorted
   * and paged as `find` does; 404 when that row does not exist.
   */
  async findReferring(
    field: string,
    id: Id,
    query: ListQuery,
    scope?: OwnerScope,
  ): Promise<ListEnvelope<E>> {
    if (query.kind === 'ids') {
      throw new ValidationError([
        { pointer: '/ids', message: 'ids cannot be used in a list under another row.' },
      ]);
    }
    await this.service.assertReferenced(field, id);
    const referring = { field, kind: 'id', operator: 'eq', value: id } as const;
    const criteria = { ...query.criteria, filters: [...query.criteria.filters, referring] };
    return this.list(query, criteria, scope);
  }

  private async list(
    query: Exclude<ListQuery, { kind: 'ids' }>,
    criteria: ListCriteria,
    scope: OwnerScope | undefined,
  ): Promise<ListEnvelope<E>> {
    if (query.kind === 'page') {
      const request = { ...criteria, page: query.page, pageSize: query.pageSize };
      return pageEnvelope(await this.service.list(request, scope), request);
    }
    const after = query.cursor === null ? null : readCursor(query.cursor, criteria);
    const request = { ...criteria, limit: query.limit, after };
    return sliceEnvelope(await this.service.slice(request, scope), request);
  }

  async getMany(ids: readonly Id[], scope?: OwnerScope): Promise<ByIdsEnvelope<E>> {
    const { items, missing } = await this.service.getMany(ids, scope);
    return { data: items, meta: { missing } };
  }

  async get(id: Id, scope?: OwnerScope): Promise<Envelope<E>> {
    return envelope(await this.service.get(id, scope));
  }

  async update(id: Id, changes: Update, scope?: OwnerScope): Promise<Envelope<E>> {
    return envelope(await this.service.update(id, changes, scope));
  }

  delete(id: Id, scope?: OwnerScope): Promise<void> {
    return this.service.delete(id, scope);
  }
}
