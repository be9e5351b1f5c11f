import type { Repository } from '../../_core/domain/repository.js';
import type { ReferenceChecker, ReferenceIds } from '../../_core/domain/references.js';
import { token } from '../../_core/domain/token.js';
import type { Category, CreateCategory, UpdateCategory } from './category.entity.js';

/** Each ref field of a category and the resource it points at. */
export const CATEGORY_REFERENCES = {
  parentId: 'Category',
} as const;

export type CategoryReferenceIds = ReferenceIds<typeof CATEGORY_REFERENCES>;

export interface CategoryRepository
  extends
    Repository<CreateCategory, Category, UpdateCategory>,
    ReferenceChecker<typeof CATEGORY_REFERENCES> {}

export const CATEGORY_REPOSITORY = token<CategoryRepository>('CategoryRepository');
