import type { Repository } from '../../_core/domain/repository.js';
import type { ReferenceChecker, ReferenceIds } from '../../_core/domain/references.js';
import { token } from '../../_core/domain/token.js';
import type { Product, CreateProduct, UpdateProduct } from './product.entity.js';

/** Each ref field of a product and the resource it points at. */
export const PRODUCT_REFERENCES = {
  categoryId: 'Category',
} as const;

export type ProductReferenceIds = ReferenceIds<typeof PRODUCT_REFERENCES>;

export interface ProductRepository
  extends
    Repository<CreateProduct, Product, UpdateProduct>,
    ReferenceChecker<typeof PRODUCT_REFERENCES> {}

export const PRODUCT_REPOSITORY = token<ProductRepository>('ProductRepository');
