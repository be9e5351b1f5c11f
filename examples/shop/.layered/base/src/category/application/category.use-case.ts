import { BaseUseCase } from '../../_core/application/base.use-case.js';
import { token } from '../../_core/domain/token.js';
import type { Category, CreateCategory, UpdateCategory } from '../domain/category.entity.js';

/** What the category routes call; application logic beyond CRUD belongs here. */
export class CategoryUseCase extends BaseUseCase<CreateCategory, Category, UpdateCategory> {}

export const CATEGORY_USE_CASE = token<CategoryUseCase>('CategoryUseCase');
