import { BaseUseCase } from '../../_core/application/base.use-case.js';
import { token } from '../../_core/domain/token.js';
import type { Order, CreateOrder, UpdateOrder } from '../domain/order.entity.js';

/** What the order routes call; application logic beyond CRUD belongs here. */
export class OrderUseCase extends BaseUseCase<CreateOrder, Order, UpdateOrder> {}

export const ORDER_USE_CASE = token<OrderUseCase>('OrderUseCase');
