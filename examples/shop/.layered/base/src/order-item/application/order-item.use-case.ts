import { BaseUseCase } from '../../_core/application/base.use-case.js';
import { token } from '../../_core/domain/token.js';
import type { OrderItem, CreateOrderItem, UpdateOrderItem } from '../domain/order-item.entity.js';

/** What the order item routes call; application logic beyond CRUD belongs here. */
export class OrderItemUseCase extends BaseUseCase<CreateOrderItem, OrderItem, UpdateOrderItem> {}

export const ORDER_ITEM_USE_CASE = token<OrderItemUseCase>('OrderItemUseCase');
