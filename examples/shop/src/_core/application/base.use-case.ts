import type { BaseService } from '../domain/base.service.js';
import type { Entity, Id } from '../domain/entity.js';
import type { PageRequest } from '../domain/repository.js';
import type { OwnerScope } from '../domain/scope.js';
import { DEFAULT_PAGE_SIZE, type ListQuery } from './pagination.js';
import {
  envelope,
  pageEnvelope,
  type ByIdsEnvelope,
  type Envelope,
  type PageEnvelope,
} from './envelope.js';

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

  /** `GET /<plural>`: rows by ids when `ids` is given, else a page (20 rows unless asked). */
  find(
    { ids, page = 1, pageSize = DEFAULT_PAGE_SIZE }: ListQuery,
    scope?: OwnerScope,
  ): Promise<PageEnvelope<E> | ByIdsEnvelope<E>> {
    return ids ? this.getMany(ids, scope) : this.list({ page, pageSize }, scope);
  }

  async list(request: PageRequest, scope?: OwnerScope): Promise<PageEnvelope<E>> {
    return pageEnvelope(await this.service.list(request, scope), request);
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
