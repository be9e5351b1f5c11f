import type { Entity, Id } from './entity.js';
import type { Page, PageRequest, Slice, SliceRequest } from './list.js';

/** Most rows one create-many or find-by-ids call accepts. */
export const MAX_BATCH_SIZE = 100;

export interface FoundByIds<E> {
  /** Found entities, in the order the ids were asked for. */
  items: E[];
  /** Ids asked for that do not exist, in the order asked. */
  missing: Id[];
}

/**
 * The storage port every domain repository extends. `Update` holds only the fields to
 * change: a key left out is kept, a key set to `null` clears the column.
 *
 * @example
 * export interface ProductRepository
 *   extends Repository<CreateProduct, Product, UpdateProduct> {}
 */
export interface Repository<Create, E extends Entity, Update> {
  create(input: Create): Promise<E>;
  createMany(inputs: readonly Create[]): Promise<E[]>;
  findPage(request: PageRequest): Promise<Page<E>>;
  findSlice(request: SliceRequest): Promise<Slice<E>>;
  findById(id: Id): Promise<E | undefined>;
  findByIds(ids: readonly Id[]): Promise<FoundByIds<E>>;
  update(id: Id, changes: Update): Promise<E | undefined>;
  delete(id: Id): Promise<boolean>;
  count(): Promise<number>;
}
