import type { Kysely } from 'kysely';

import type { Database } from '../../src/_core/infrastructure/database.js';
import type { Product, CreateProduct } from '../../src/product/domain/product.entity.js';
import { ProductKyselyRepository } from '../../src/product/infrastructure/product.kysely-repository.js';
import { uniqueNumber } from '../_core/support/unique.js';
import { seedCategory } from '../category/category.fixtures.js';

/** The ids of the rows a product refers to. */
export type ProductRefs = Pick<CreateProduct, 'categoryId'>;

/** A valid new product; unique fields get values no other test run has used. */
export function sampleProduct(refs: ProductRefs): CreateProduct {
  const n = uniqueNumber();
  return {
    name: 'Name A',
    sku: `Sku ${n}`,
    price: '12345678901234.56',
    stock: 12,
    weight: 1.5,
    views: '9007199254740993',
    releasedOn: '2026-02-28',
    attributes: { colour: 'red', sizes: [38, 40] },
    categoryId: refs.categoryId,
    discontinued: true,
  };
}

/** Stores the rows a product refers to. */
export async function seedProductRefs(db: Kysely<Database>): Promise<ProductRefs> {
  return {
    categoryId: (await seedCategory(db)).id,
  };
}

/** Stores a product and the rows it refers to, for tests that need one. */
export async function seedProduct(db: Kysely<Database>): Promise<Product> {
  return new ProductKyselyRepository(db).create(sampleProduct(await seedProductRefs(db)));
}
