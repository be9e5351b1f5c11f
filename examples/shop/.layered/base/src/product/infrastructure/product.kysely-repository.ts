import type { Kysely } from 'kysely';

import {
  fromDbBigint,
  fromDbBoolean,
  fromDbDate,
  fromDbDateTime,
  fromDbDecimal,
  fromDbJson,
  toDbBigint,
  toDbBoolean,
  toDbDate,
  toDbDecimal,
  toDbJson,
} from '../../_core/infrastructure/column-values.js';
import type { Database } from '../../_core/infrastructure/database.js';
import { KyselyRepository } from '../../_core/infrastructure/kysely-repository.js';
import type { Outbox } from '../../_core/infrastructure/outbox.js';
import type { Product, CreateProduct, UpdateProduct } from '../domain/product.entity.js';
import type { ProductReferenceIds, ProductRepository } from '../domain/product.repository.js';
import type { ProductRow, ProductTable } from './product.table.js';

export class ProductKyselyRepository
  extends KyselyRepository<ProductTable, Product, CreateProduct, UpdateProduct>
  implements ProductRepository
{
  constructor(db: Kysely<Database>, outbox?: Outbox) {
    super(db, 'product', 'Product', outbox);
  }

  missingReferences(ids: ProductReferenceIds): Promise<ProductReferenceIds> {
    return this.findMissing({ categoryId: 'category' }, ids);
  }

  protected toEntity(row: ProductRow): Product {
    return {
      id: Number(row.id),
      createdAt: fromDbDateTime(row.createdAt),
      updatedAt: fromDbDateTime(row.updatedAt),
      name: row.name,
      sku: row.sku,
      price: fromDbDecimal(row.price, 2),
      stock: row.stock,
      weight: row.weight,
      views: fromDbBigint(row.views),
      releasedOn: fromDbDate(row.releasedOn),
      attributes: fromDbJson(row.attributes),
      categoryId: row.categoryId,
      discontinued: fromDbBoolean(row.discontinued),
    };
  }

  protected toInsert(input: CreateProduct) {
    return {
      name: input.name,
      sku: input.sku,
      price: toDbDecimal(input.price, 2),
      stock: input.stock,
      weight: input.weight,
      views: toDbBigint(input.views),
      releasedOn: toDbDate(input.releasedOn),
      attributes: toDbJson(input.attributes),
      categoryId: input.categoryId,
      discontinued: toDbBoolean(input.discontinued),
    };
  }

  protected toUpdate(changes: UpdateProduct) {
    return {
      name: changes.name,
      sku: changes.sku,
      price: toDbDecimal(changes.price, 2),
      stock: changes.stock,
      weight: changes.weight,
      views: toDbBigint(changes.views),
      releasedOn: toDbDate(changes.releasedOn),
      attributes: toDbJson(changes.attributes),
      categoryId: changes.categoryId,
      discontinued: toDbBoolean(changes.discontinued),
    };
  }
}
