import { describe, expect, it } from 'vitest';

import { NotFoundError } from '../../src/_core/domain/errors.js';
import type {
  Product,
  CreateProduct,
  UpdateProduct,
} from '../../src/product/domain/product.entity.js';
import type {
  ProductReferenceIds,
  ProductRepository,
} from '../../src/product/domain/product.repository.js';
import { ProductService } from '../../src/product/domain/product.service.js';
import { InMemoryRepository } from '../_core/support/in-memory-repository.js';
import { sampleProduct } from './product.fixtures.js';

/** The one row that exists in each table a product refers to. */
const EXISTING_ID = 1;
const MISSING_ID = 404;
const refs = {
  categoryId: EXISTING_ID,
};

class FakeProductRepository
  extends InMemoryRepository<CreateProduct, Product, UpdateProduct>
  implements ProductRepository
{
  async missingReferences(ids: ProductReferenceIds): Promise<ProductReferenceIds> {
    return {
      categoryId: ids.categoryId.filter((id) => id !== EXISTING_ID),
    };
  }
}

function createProductService() {
  return new ProductService(new FakeProductRepository());
}

describe('ProductService', () => {
  it('creates a product and reads it back', async () => {
    const service = createProductService();
    const created = await service.create(sampleProduct(refs));
    expect(await service.get(created.id)).toEqual(created);
  });

  it.each([
    ['get', (service: ProductService) => service.get(9)],
    ['update', (service: ProductService) => service.update(9, {})],
    ['delete', (service: ProductService) => service.delete(9)],
  ])('%s of an absent product is PRODUCT_NOT_FOUND', async (_, call) => {
    const error = await call(createProductService()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'PRODUCT_NOT_FOUND' });
  });

  it('refuses a category that does not exist, naming the field', async () => {
    const service = createProductService();
    const input = { ...sampleProduct(refs), categoryId: MISSING_ID };
    await expect(service.create(input)).rejects.toMatchObject({
      status: 422,
      code: 'PRODUCT_REFERENCE_NOT_FOUND',
      errors: [{ pointer: '/categoryId', message: 'Category 404 does not exist.' }],
    });
  });

  it('points at the row of a bulk create that names a missing category', async () => {
    const service = createProductService();
    const rows = [sampleProduct(refs), { ...sampleProduct(refs), categoryId: MISSING_ID }];
    await expect(service.createMany(rows)).rejects.toMatchObject({
      errors: [{ pointer: '/1/categoryId' }],
    });
    expect(await service.count()).toBe(0);
  });

  it('checks refs on update too', async () => {
    const service = createProductService();
    const created = await service.create(sampleProduct(refs));
    await expect(service.update(created.id, { categoryId: MISSING_ID })).rejects.toMatchObject({
      code: 'PRODUCT_REFERENCE_NOT_FOUND',
    });
  });
});
