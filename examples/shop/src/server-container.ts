import type { DependencyContainer } from 'tsyringe';

import { createCoreContainer } from './_core/core.module.js';
import type { Settings } from './_core/config.js';
import { registerJobs } from './_core/jobs/jobs.module.js';
import { registerAuthModule } from './auth/infrastructure/auth.module.js';
import { registerCategoryModule } from './category/infrastructure/category.module.js';
import { registerCustomerModule } from './customer/infrastructure/customer.module.js';
import { registerOrderModule } from './order/infrastructure/order.module.js';
import { registerOrderItemModule } from './order-item/infrastructure/order-item.module.js';
import { registerProductModule } from './product/infrastructure/product.module.js';

/** Registers the core and every domain module; `layered new` adds one call per domain. */
export function createServerContainer(settings: Settings): DependencyContainer {
  const container = createCoreContainer(settings);
  registerJobs(container);
  registerAuthModule(container);
  registerCategoryModule(container);
  registerCustomerModule(container);
  registerOrderModule(container);
  registerOrderItemModule(container);
  registerProductModule(container);
  return container;
}
