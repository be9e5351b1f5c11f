import { BaseService } from '../../_core/domain/base.service.js';
import { assertReferencesExist } from '../../_core/domain/references.js';
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
}

export const CATEGORY_SERVICE = token<CategoryService>('CategoryService');
