import type { BaseService } from '../domain/base.service.js';
import type { Entity, Id } from '../domain/entity.js';
import type { PageRequest } from '../domain/repository.js';
import { DEFAULT_PAGE_SIZE, type ListQuery } from './pagination.js';
import {
  envelope,
  pageEnvelope,
  type ByIdsEnvelope,
  type Envelope,
  type PageEnvelope,
} from './envelope.js';

/**
 * What the HTTP layer calls: runs the service and wraps results in response envelopes.
 *
 * @example
 * export class ProductUseCase extends BaseUseCase<CreateProduct, Product, UpdateProduct> {}
 */
export abstract class BaseUseCase<Create, E extends Entity, Update> {
  constructor(protected readonly service: BaseService<Create, E, Update>) {}

  async create(input: Create): Promise<Envelope<E>> {
    return envelope(await this.service.create(input));
  }

  async createMany(inputs: readonly Create[]): Promise<Envelope<E[]>> {
    return envelope(await this.service.createMany(inputs));
  }

  /** `GET /<plural>`: rows by ids when `ids` is given, else a page (20 rows unless asked). */
  find({
    ids,
    page = 1,
    pageSize = DEFAULT_PAGE_SIZE,
  }: ListQuery): Promise<PageEnvelope<E> | ByIdsEnvelope<E>> {
    return ids ? this.getMany(ids) : this.list({ page, pageSize });
  }

  async list(request: PageRequest): Promise<PageEnvelope<E>> {
    return pageEnvelope(await this.service.list(request), request);
  }

  async getMany(ids: readonly Id[]): Promise<ByIdsEnvelope<E>> {
    const { items, missing } = await this.service.getMany(ids);
    return { data: items, meta: { missing } };
  }

  async get(id: Id): Promise<Envelope<E>> {
    return envelope(await this.service.get(id));
  }

  async update(id: Id, changes: Update): Promise<Envelope<E>> {
    return envelope(await this.service.update(id, changes));
  }

  delete(id: Id): Promise<void> {
    return this.service.delete(id);
  }
}
