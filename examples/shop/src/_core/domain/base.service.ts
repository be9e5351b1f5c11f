import type { Entity, Id } from './entity.js';
import { NotFoundError, ValidationError } from './errors.js';
import type { Page, PageRequest, Slice, SliceRequest } from './list.js';
import { MAX_BATCH_SIZE, type FoundByIds, type Repository } from './repository.js';
import type { OwnerScope } from './scope.js';

/**
 * The seven CRUD operations over a repository port; absent rows become `NotFoundError`, and
 * so do rows outside the caller's `scope` (another user's row is not found, not forbidden).
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

  async create(input: Create, scope?: OwnerScope): Promise<E> {
    await this.checkWrites([input], false);
    return this.repository.create(input, scope);
  }

  async createMany(inputs: readonly Create[], scope?: OwnerScope): Promise<E[]> {
    this.assertBatchSize(inputs.length);
    await this.checkWrites(inputs, true);
    return this.repository.createMany(inputs, scope);
  }

  list(request: PageRequest, scope?: OwnerScope): Promise<Page<E>> {
    return this.repository.findPage(request, scope);
  }

  slice(request: SliceRequest, scope?: OwnerScope): Promise<Slice<E>> {
    return this.repository.findSlice(request, scope);
  }

  /**
   * Before listing the rows whose ref `field` holds `id` (`GET /categories/7/products`): a 404
   * when that row does not exist. A domain with refs answers it; others have no such lists.
   */
  async assertReferenced(field: string, _id: Id): Promise<void> {
    throw new Error(`${this.resource} has no ref field "${field}".`);
  }

  async get(id: Id, scope?: OwnerScope): Promise<E> {
    const entity = await this.repository.findById(id, scope);
    if (!entity) throw new NotFoundError(this.resource, id);
    return entity;
  }

  async getMany(ids: readonly Id[], scope?: OwnerScope): Promise<FoundByIds<E>> {
    this.assertBatchSize(ids.length);
    return this.repository.findByIds(ids, scope);
  }

  async update(id: Id, changes: Update, scope?: OwnerScope): Promise<E> {
    await this.checkWrites([changes], false);
    const entity = await this.repository.update(id, changes, scope);
    if (!entity) throw new NotFoundError(this.resource, id);
    return entity;
  }

  async delete(id: Id, scope?: OwnerScope): Promise<void> {
    if (!(await this.repository.delete(id, scope))) throw new NotFoundError(this.resource, id);
  }

  count(scope?: OwnerScope): Promise<number> {
    return this.repository.count(scope);
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
