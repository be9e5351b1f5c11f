import { BaseService } from '../../_core/domain/base.service.js';
import type { Id } from '../../_core/domain/entity.js';
import { assertReferencedRowExists, assertReferencesExist } from '../../_core/domain/references.js';
import { token } from '../../_core/domain/token.js';
import type { Product, CreateProduct, UpdateProduct } from './product.entity.js';
import { PRODUCT_REFERENCES, type ProductRepository } from './product.repository.js';

export class ProductService extends BaseService<CreateProduct, Product, UpdateProduct> {
  constructor(protected override readonly repository: ProductRepository) {
    super(repository, 'Product');
  }

  /** Refuses refs to rows that do not exist with a 422 naming each field. */
  protected override async checkWrites(writes: ReadonlyArray<UpdateProduct>, bulk: boolean) {
    await assertReferencesExist(this.repository, PRODUCT_REFERENCES, writes, {
      resource: this.resource,
      bulk,
    });
  }

  /** A 404 before listing under a row that does not exist (`GET /api/v1/categories/{id}/products`). */
  override async assertReferenced(field: string, id: Id): Promise<void> {
    await assertReferencedRowExists(this.repository, PRODUCT_REFERENCES, field, id);
  }
}

export const PRODUCT_SERVICE = token<ProductService>('ProductService');
