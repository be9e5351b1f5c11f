import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';

import { DATABASE, resolve } from '../../_core/core.module.js';
import { registeredOutbox } from '../../_core/infrastructure/outbox.js';
import { OrderItemUseCase, ORDER_ITEM_USE_CASE } from '../application/order-item.use-case.js';
import { ORDER_ITEM_REPOSITORY } from '../domain/order-item.repository.js';
import { OrderItemService, ORDER_ITEM_SERVICE } from '../domain/order-item.service.js';
import { OrderItemKyselyRepository } from './order-item.kysely-repository.js';

/** Binds the order item repository port to Kysely, and the service and use case on top. */
export function registerOrderItemModule(container: DependencyContainer): void {
  container.register(ORDER_ITEM_REPOSITORY, {
    useFactory: instanceCachingFactory(
      (c) => new OrderItemKyselyRepository(resolve(c, DATABASE), registeredOutbox(c)),
    ),
  });
  container.register(ORDER_ITEM_SERVICE, {
    useFactory: instanceCachingFactory(
      (c) => new OrderItemService(resolve(c, ORDER_ITEM_REPOSITORY)),
    ),
  });
  container.register(ORDER_ITEM_USE_CASE, {
    useFactory: instanceCachingFactory((c) => new OrderItemUseCase(resolve(c, ORDER_ITEM_SERVICE))),
  });
}
