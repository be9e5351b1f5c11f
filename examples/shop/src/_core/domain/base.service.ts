import type { Entity, Id } from './entity.js';
import { NotFoundError, ValidationError } from './errors.js';
import type { Page, PageRequest, Slice, SliceRequest } from './list.js';
import { MAX_BATCH_SIZE, type FoundByIds, type Repository } from './repository.js';

/**
 * The seven CRUD operations over a repository port; absent rows become `NotFoundError`.
 * Domain services extend it and add their own rules.
 *
 * @example
 * export class ProductService extends BaseService<CreateProduct, Product, UpdateProduct> {
 *   constructor(repository: ProductRepository) {
 *     super(repository, 'Product');
 *   }
 * }
 */
export abstract class BaseService<Create, E extends Entity, Update> {
  constructor(
    protected readonly repository: Repository<Create, E, Update>,
    protected readonly resource: string,
  ) {}

  async create(input: Create): Promise<E> {
    await this.checkWrites([input], false);
    return this.repository.create(input);
  }

  async createMany(inputs: readonly Create[]): Promise<E[]> {
    this.assertBatchSize(inputs.length);
    await this.checkWrites(inputs, true);
    return this.repository.createMany(inputs);
  }

  list(request: PageRequest): Promise<Page<E>> {
    return this.repository.findPage(request);
  }

  slice(request: SliceRequest): Promise<Slice<E>> {
    return this.repository.findSlice(request);
  }

  /**
   * Before listing the rows whose ref `field` holds `id` (`GET /categories/7/products`): a 404
   * when that row does not exist. A domain with refs answers it; others have no such lists.
   */
  async assertReferenced(field: string, _id: Id): Promise<void> {
    throw new Error(`${this.resource} has no ref field "${field}".`);
  }

  async get(id: Id): Promise<E> {
    const entity = await this.repository.findById(id);
    if (!entity) throw new NotFoundError(this.resource, id);
    return entity;
  }

  async getMany(ids: readonly Id[]): Promise<FoundByIds<E>> {
    this.assertBatchSize(ids.length);
    return this.repository.findByIds(ids);
  }

  async update(id: Id, changes: Update): Promise<E> {
    await this.checkWrites([changes], false);
    const entity = await this.repository.update(id, changes);
    if (!entity) throw new NotFoundError(this.resource, id);
    return entity;
  }

  async delete(id: Id): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError(this.resource, id);
  }

  count(): Promise<number> {
    return this.repository.count();
  }

  /**
   * Runs before every create, create-many and update; a domain overrides it to enforce its
   * rules (e.g. referenced rows exist). `bulk` says the writes are the rows of one body.
   */
  protected async checkWrites(_writes: ReadonlyArray<Create | Update>, _bulk: boolean) {}

  private assertBatchSize(size: number): void {
    if (size > MAX_BATCH_SIZE) {
      throw new ValidationError([
        { pointer: '', message: `At most ${MAX_BATCH_SIZE} items are accepted, got ${size}.` },
      ]);
    }
  }
}
