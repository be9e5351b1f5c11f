import type { DependencyContainer } from 'tsyringe';

import { createConsumerRegistry, type ConsumerRegistry } from './_core/jobs/consumers.js';
import { createCategoryConsumer } from './category/interface/category.consumer.js';
import { createCustomerConsumer } from './customer/interface/customer.consumer.js';
import { createOrderConsumer } from './order/interface/order.consumer.js';
import { createOrderItemConsumer } from './order-item/interface/order-item.consumer.js';
import { createProductConsumer } from './product/interface/product.consumer.js';

/** Every domain's consumer, for the worker; `layered new` adds one line per domain. */
export function createConsumers(container: DependencyContainer): ConsumerRegistry {
  const consumers = createConsumerRegistry();
  consumers.add(createCategoryConsumer(container));
  consumers.add(createCustomerConsumer(container));
  consumers.add(createOrderConsumer(container));
  consumers.add(createOrderItemConsumer(container));
  consumers.add(createProductConsumer(container));
  return consumers;
}
