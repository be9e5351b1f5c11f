import type { Kysely } from 'kysely';

import type { Database } from '../../src/_core/infrastructure/database.js';
import type { Category, CreateCategory } from '../../src/category/domain/category.entity.js';
import { CategoryKyselyRepository } from '../../src/category/infrastructure/category.kysely-repository.js';
import { uniqueNumber } from '../_core/support/unique.js';

/** The ids of the rows a category refers to. */
export type CategoryRefs = Pick<CreateCategory, 'parentId'>;

/** A valid new category; unique fields get values no other test run has used. */
export function sampleCategory(refs: CategoryRefs): CreateCategory {
  const n = uniqueNumber();
  return {
    name: `Name ${n}`,
    description: 'Description A, written at length.',
    parentId: refs.parentId,
  };
}

/** Stores the rows a category refers to. */
export async function seedCategoryRefs(db: Kysely<Database>): Promise<CategoryRefs> {
  return {
    parentId: null,
  };
}

/** Stores a category and the rows it refers to, for tests that need one. */
export async function seedCategory(db: Kysely<Database>): Promise<Category> {
  return new CategoryKyselyRepository(db).create(sampleCategory(await seedCategoryRefs(db)));
}
