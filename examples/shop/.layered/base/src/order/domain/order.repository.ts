import type { Repository } from '../../_core/domain/repository.js';
import type { ReferenceChecker, ReferenceIds } from '../../_core/domain/references.js';
import { token } from '../../_core/domain/token.js';
import type { Order, CreateOrder, UpdateOrder } from './order.entity.js';

/** Each ref field of an order and the resource it points at. */
export const ORDER_REFERENCES = {
  buyerId: 'Customer',
} as const;

export type OrderReferenceIds = ReferenceIds<typeof ORDER_REFERENCES>;

export interface OrderRepository
  extends Repository<CreateOrder, Order, UpdateOrder>, ReferenceChecker<typeof ORDER_REFERENCES> {}

export const ORDER_REPOSITORY = token<OrderRepository>('OrderRepository');
