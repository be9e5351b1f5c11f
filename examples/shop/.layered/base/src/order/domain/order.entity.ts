import type { Entity } from '../../_core/domain/entity.js';
import type { Owned } from '../../_core/domain/scope.js';

export const ORDER_STATUSES = ['open', 'paid', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Order extends Entity, Owned {
  buyerId: number;
  status: OrderStatus;
  placedAt: string;
  note: string | null;
}

/**
 * A new order: every field, defaults already applied (the create request fills them in).
 * Its owner comes from the caller's access token, never from the body.
 */
export type CreateOrder = Omit<Order, keyof Entity | keyof Owned>;

/** The fields to change: a key left out is kept, `null` clears an optional field. */
export type UpdateOrder = Partial<CreateOrder>;
