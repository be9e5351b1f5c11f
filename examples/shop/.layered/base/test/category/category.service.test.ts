import { describe, expect, it } from 'vitest';

import { NotFoundError } from '../../src/_core/domain/errors.js';
import type {
  Category,
  CreateCategory,
  UpdateCategory,
} from '../../src/category/domain/category.entity.js';
import type {
  CategoryReferenceIds,
  CategoryRepository,
} from '../../src/category/domain/category.repository.js';
import { CategoryService } from '../../src/category/domain/category.service.js';
import { InMemoryRepository } from '../_core/support/in-memory-repository.js';
import { sampleCategory } from './category.fixtures.js';

/** The one row that exists in each table a category refers to. */
const EXISTING_ID = 1;
const MISSING_ID = 404;
const refs = {
  parentId: null,
};

class FakeCategoryRepository
  extends InMemoryRepository<CreateCategory, Category, UpdateCategory>
  implements CategoryRepository
{
  async missingReferences(ids: CategoryReferenceIds): Promise<CategoryReferenceIds> {
    return {
      parentId: ids.parentId.filter((id) => !this.rows.has(id)),
    };
  }
}

function createCategoryService() {
  return new CategoryService(new FakeCategoryRepository());
}

describe('CategoryService', () => {
  it('creates a category and reads it back', async () => {
    const service = createCategoryService();
    const created = await service.create(sampleCategory(refs));
    expect(await service.get(created.id)).toEqual(created);
  });

  it.each([
    ['get', (service: CategoryService) => service.get(9)],
    ['update', (service: CategoryService) => service.update(9, {})],
    ['delete', (service: CategoryService) => service.delete(9)],
  ])('%s of an absent category is CATEGORY_NOT_FOUND', async (_, call) => {
    const error = await call(createCategoryService()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'CATEGORY_NOT_FOUND' });
  });

  it('refuses a category that does not exist, naming the field', async () => {
    const service = createCategoryService();
    const input = { ...sampleCategory(refs), parentId: MISSING_ID };
    await expect(service.create(input)).rejects.toMatchObject({
      status: 422,
      code: 'CATEGORY_REFERENCE_NOT_FOUND',
      errors: [{ pointer: '/parentId', message: 'Category 404 does not exist.' }],
    });
  });

  it('points at the row of a bulk create that names a missing category', async () => {
    const service = createCategoryService();
    const rows = [sampleCategory(refs), { ...sampleCategory(refs), parentId: MISSING_ID }];
    await expect(service.createMany(rows)).rejects.toMatchObject({
      errors: [{ pointer: '/1/parentId' }],
    });
    expect(await service.count()).toBe(0);
  });

  it('checks refs on update too', async () => {
    const service = createCategoryService();
    const created = await service.create(sampleCategory(refs));
    await expect(service.update(created.id, { parentId: MISSING_ID })).rejects.toMatchObject({
      code: 'CATEGORY_REFERENCE_NOT_FOUND',
    });
  });
});
