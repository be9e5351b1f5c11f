import type { Kysely } from 'kysely';

import { fromDbDateTime } from '../../_core/infrastructure/column-values.js';
import type { Database } from '../../_core/infrastructure/database.js';
import { KyselyRepository } from '../../_core/infrastructure/kysely-repository.js';
import type { Outbox } from '../../_core/infrastructure/outbox.js';
import type { Category, CreateCategory, UpdateCategory } from '../domain/category.entity.js';
import type { CategoryReferenceIds, CategoryRepository } from '../domain/category.repository.js';
import type { CategoryRow, CategoryTable } from './category.table.js';

export class CategoryKyselyRepository
  extends KyselyRepository<CategoryTable, Category, CreateCategory, UpdateCategory>
  implements CategoryRepository
{
  constructor(db: Kysely<Database>, outbox?: Outbox) {
    super(db, 'category', 'Category', outbox);
  }

  missingReferences(ids: CategoryReferenceIds): Promise<CategoryReferenceIds> {
    return this.findMissing({ parentId: 'category' }, ids);
  }

  protected toEntity(row: CategoryRow): Category {
    return {
      id: Number(row.id),
      createdAt: fromDbDateTime(row.createdAt),
      updatedAt: fromDbDateTime(row.updatedAt),
      name: row.name,
      description: row.description,
      parentId: row.parentId,
    };
  }

  protected toInsert(input: CreateCategory) {
    return {
      name: input.name,
      description: input.description,
      parentId: input.parentId,
    };
  }

  protected toUpdate(changes: UpdateCategory) {
    return {
      name: changes.name,
      description: changes.description,
      parentId: changes.parentId,
    };
  }
}
