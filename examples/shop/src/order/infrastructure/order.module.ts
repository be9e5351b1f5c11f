import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';

import { DATABASE, resolve } from '../../_core/core.module.js';
import { registeredOutbox } from '../../_core/infrastructure/outbox.js';
import { OrderUseCase, ORDER_USE_CASE } from '../application/order.use-case.js';
import { ORDER_REPOSITORY } from '../domain/order.repository.js';
import { OrderService, ORDER_SERVICE } from '../domain/order.service.js';
import { OrderKyselyRepository } from './order.kysely-repository.js';

/** Binds the order repository port to Kysely, and the service and use case on top. */
export function registerOrderModule(container: DependencyContainer): void {
  container.register(ORDER_REPOSITORY, {
    useFactory: instanceCachingFactory(
      (c) => new OrderKyselyRepository(resolve(c, DATABASE), registeredOutbox(c)),
    ),
  });
  container.register(ORDER_SERVICE, {
    useFactory: instanceCachingFactory((c) => new OrderService(resolve(c, ORDER_REPOSITORY))),
  });
  container.register(ORDER_USE_CASE, {
    useFactory: instanceCachingFactory((c) => new OrderUseCase(resolve(c, ORDER_SERVICE))),
  });
}
