import { BaseService } from '../../_core/domain/base.service.js';
import type { Id } from '../../_core/domain/entity.js';
import { assertReferencedRowExists, assertReferencesExist } from '../../_core/domain/references.js';
import { token } from '../../_core/domain/token.js';
import type { Category, CreateCategory, UpdateCategory } from './category.entity.js';
import { CATEGORY_REFERENCES, type CategoryRepository } from './category.repository.js';

export class CategoryService extends BaseService<CreateCategory, Category, UpdateCategory> {
  constructor(protected override readonly repository: CategoryRepository) {
    super(repository, 'Category');
  }

  /** Refuses refs to rows that do not exist with a 422 naming each field. */
  protected override async checkWrites(writes: ReadonlyArray<UpdateCategory>, bulk: boolean) {
    await assertReferencesExist(this.repository, CATEGORY_REFERENCES, writes, {
      resource: this.resource,
      bulk,
    });
  }

  /** A 404 before listing under a row that does not exist (`GET /api/v1/categories/{id}/categories`). */
  override async assertReferenced(field: string, id: Id): Promise<void> {
    await assertReferencedRowExists(this.repository, CATEGORY_REFERENCES, field, id);
  }
}

export const CATEGORY_SERVICE = token<CategoryService>('CategoryService');
