import type { Entity, JsonValue } from '../../_core/domain/entity.js';

export interface Product extends Entity {
  name: string;
  sku: string;
  price: string;
  stock: number;
  weight: number | null;
  views: string;
  releasedOn: string | null;
  attributes: JsonValue | null;
  categoryId: number;
  discontinued: boolean;
}

/** A new product: every field, defaults already applied (the create request fills them in). */
export type CreateProduct = Omit<Product, keyof Entity>;

/** The fields to change: a key left out is kept, `null` clears an optional field. */
export type UpdateProduct = Partial<CreateProduct>;
