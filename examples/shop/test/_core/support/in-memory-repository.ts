import type { Entity, Id } from '../../../src/_core/domain/entity.js';
import type { Page, PageRequest, Slice, SliceRequest } from '../../../src/_core/domain/list.js';
import type { FoundByIds, Repository } from '../../../src/_core/domain/repository.js';
import { compareRows, listed } from './list-model.js';

/**
 * A repository port kept in a Map, for service tests that need no database. Entities are the
 * create input plus the base fields, which holds for every generated domain.
 */
export class InMemoryRepository<
  Create extends object,
  E extends Entity,
  Update extends object,
> implements Repository<Create, E, Update> {
  protected readonly rows = new Map<Id, E>();
  private nextId = 1;

  async create(input: Create): Promise<E> {
    const now = new Date().toISOString();
    const entity = { ...input, id: this.nextId++, createdAt: now, updatedAt: now } as unknown as E;
    this.rows.set(entity.id, entity);
    return entity;
  }

  async createMany(inputs: readonly Create[]): Promise<E[]> {
    return Promise.all(inputs.map((input) => this.create(input)));
  }

  async findPage({ page, pageSize, ...criteria }: PageRequest): Promise<Page<E>> {
    const all = listed([...this.rows.values()], criteria);
    return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length };
  }

  async findSlice({ limit, after, ...criteria }: SliceRequest): Promise<Slice<E>> {
    const position =
      after && Object.fromEntries(criteria.sort.map((key, i) => [key.field, after[i]]));
    const rest = listed([...this.rows.values()], criteria).filter(
      (row) => !position || compareRows(criteria.sort, row, position) > 0,
    );
    return { items: rest.slice(0, limit), more: rest.length > limit };
  }

  async findById(id: Id): Promise<E | undefined> {
    return this.rows.get(id);
  }

  async findByIds(ids: readonly Id[]): Promise<FoundByIds<E>> {
    return {
      items: ids.flatMap((id) => this.rows.get(id) ?? []),
      missing: ids.filter((id) => !this.rows.has(id)),
    };
  }

  async update(id: Id, changes: Update): Promise<E | undefined> {
    const entity = this.rows.get(id);
    if (!entity) return undefined;
    const defined = Object.entries(changes).filter(([, value]) => value !== undefined);
    const updated = {
      ...entity,
      ...Object.fromEntries(defined),
      updatedAt: new Date().toISOString(),
    };
    this.rows.set(id, updated);
    return updated;
  }

  async delete(id: Id): Promise<boolean> {
    return this.rows.delete(id);
  }

  async count(): Promise<number> {
    return this.rows.size;
  }
}
