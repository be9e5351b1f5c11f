import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';

import { DATABASE, resolve } from '../../_core/core.module.js';
import { registeredOutbox } from '../../_core/infrastructure/outbox.js';
import { CustomerUseCase, CUSTOMER_USE_CASE } from '../application/customer.use-case.js';
import { CUSTOMER_REPOSITORY } from '../domain/customer.repository.js';
import { CustomerService, CUSTOMER_SERVICE } from '../domain/customer.service.js';
import { CustomerKyselyRepository } from './customer.kysely-repository.js';

/** Binds the customer repository port to Kysely, and the service and use case on top. */
export function registerCustomerModule(container: DependencyContainer): void {
  container.register(CUSTOMER_REPOSITORY, {
    useFactory: instanceCachingFactory(
      (c) => new CustomerKyselyRepository(resolve(c, DATABASE), registeredOutbox(c)),
    ),
  });
  container.register(CUSTOMER_SERVICE, {
    useFactory: instanceCachingFactory((c) => new CustomerService(resolve(c, CUSTOMER_REPOSITORY))),
  });
  container.register(CUSTOMER_USE_CASE, {
    useFactory: instanceCachingFactory((c) => new CustomerUseCase(resolve(c, CUSTOMER_SERVICE))),
  });
}
