import { BaseUseCase } from '../../_core/application/base.use-case.js';
import { token } from '../../_core/domain/token.js';
import type { Product, CreateProduct, UpdateProduct } from '../domain/product.entity.js';

/** What the product routes call; application logic beyond CRUD belongs here. */
export class ProductUseCase extends BaseUseCase<CreateProduct, Product, UpdateProduct> {}

export const PRODUCT_USE_CASE = token<ProductUseCase>('ProductUseCase');
