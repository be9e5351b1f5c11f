import type { Entity } from '../../_core/domain/entity.js';

export const ORDER_STATUSES = ['open', 'paid', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Order extends Entity {
  buyerId: number;
  status: OrderStatus;
  placedAt: string;
  note: string | null;
}

/** A new order: every field, defaults already applied (the create request fills them in). */
export type CreateOrder = Omit<Order, keyof Entity>;

/** The fields to change: a key left out is kept, `null` clears an optional field. */
export type UpdateOrder = Partial<CreateOrder>;
