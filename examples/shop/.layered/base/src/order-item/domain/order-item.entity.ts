import type { Entity } from '../../_core/domain/entity.js';
import type { Owned } from '../../_core/domain/scope.js';

export interface OrderItem extends Entity, Owned {
  orderId: number;
  productId: number;
  quantity: number;
  unitPrice: string;
}

/**
 * A new order item: every field, defaults already applied (the create request fills them in).
 * Its owner comes from the caller's access token, never from the body.
 */
export type CreateOrderItem = Omit<OrderItem, keyof Entity | keyof Owned>;

/** The fields to change: a key left out is kept, `null` clears an optional field. */
export type UpdateOrderItem = Partial<CreateOrderItem>;
