import type { DependencyContainer } from 'tsyringe';

import { createCoreApp, type App } from './_core/interface/app.js';
import { createAuthRouter } from './auth/interface/auth.router.js';
import { createCategoryRouter } from './category/interface/category.router.js';
import { createCustomerRouter } from './customer/interface/customer.router.js';
import { createOrderRouter } from './order/interface/order.router.js';
import { createOrderItemRouter } from './order-item/interface/order-item.router.js';
import { createProductRouter } from './product/interface/product.router.js';

/** Builds the HTTP app and mounts every domain router; `layered new` adds one line per domain. */
export function createApp(container: DependencyContainer): App {
  const app = createCoreApp(container);
  app.route('/', createAuthRouter(container));
  app.route('/', createCategoryRouter(container));
  app.route('/', createCustomerRouter(container));
  app.route('/', createOrderRouter(container));
  app.route('/', createOrderItemRouter(container));
  app.route('/', createProductRouter(container));
  return app;
}
