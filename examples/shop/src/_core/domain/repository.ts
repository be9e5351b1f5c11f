import type { Entity, Id } from './entity.js';
import type { Page, PageRequest, Slice, SliceRequest } from './list.js';
import type { OwnerScope } from './scope.js';

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
 * change: a key left out is kept, a key set to `null` clears the column. A `scope` limits a
 * call to one owner's rows (see {@link OwnerScope}); a row outside it is as good as absent.
 *
 * @example
 * export interface ProductRepository
 *   extends Repository<CreateProduct, Product, UpdateProduct> {}
 */
export interface Repository<Create, E extends Entity, Update> {
  create(input: Create, scope?: OwnerScope): Promise<E>;
  createMany(inputs: readonly Create[], scope?: OwnerScope): Promise<E[]>;
  findPage(request: PageRequest, scope?: OwnerScope): Promise<Page<E>>;
  findSlice(request: SliceRequest, scope?: OwnerScope): Promise<Slice<E>>;
  findById(id: Id, scope?: OwnerScope): Promise<E | undefined>;
  findByIds(ids: readonly Id[], scope?: OwnerScope): Promise<FoundByIds<E>>;
  update(id: Id, changes: Update, scope?: OwnerScope): Promise<E | undefined>;
  delete(id: Id, scope?: OwnerScope): Promise<boolean>;
  count(scope?: OwnerScope): Promise<number>;
}
