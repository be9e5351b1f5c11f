import type { Repository } from '../../_core/domain/repository.js';
import type { ReferenceChecker, ReferenceIds } from '../../_core/domain/references.js';
import { token } from '../../_core/domain/token.js';
import type { OrderItem, CreateOrderItem, UpdateOrderItem } from './order-item.entity.js';

/** Each ref field of an order item and the resource it points at. */
export const ORDER_ITEM_REFERENCES = {
  orderId: 'Order',
  productId: 'Product',
} as const;

export type OrderItemReferenceIds = ReferenceIds<typeof ORDER_ITEM_REFERENCES>;

export interface OrderItemRepository
  extends
    Repository<CreateOrderItem, OrderItem, UpdateOrderItem>,
    ReferenceChecker<typeof ORDER_ITEM_REFERENCES> {}

export const ORDER_ITEM_REPOSITORY = token<OrderItemRepository>('OrderItemRepository');
