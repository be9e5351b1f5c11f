import type { Entity } from '../../_core/domain/entity.js';

export interface OrderItem extends Entity {
  orderId: number;
  productId: number;
  quantity: number;
  unitPrice: string;
}

/** A new order item: every field, defaults already applied (the create request fills them in). */
export type CreateOrderItem = Omit<OrderItem, keyof Entity>;

/** The fields to change: a key left out is kept, `null` clears an optional field. */
export type UpdateOrderItem = Partial<CreateOrderItem>;
