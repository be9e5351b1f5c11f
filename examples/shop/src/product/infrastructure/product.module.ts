import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';

import { DATABASE, resolve } from '../../_core/core.module.js';
import { registeredOutbox } from '../../_core/infrastructure/outbox.js';
import { ProductUseCase, PRODUCT_USE_CASE } from '../application/product.use-case.js';
import { PRODUCT_REPOSITORY } from '../domain/product.repository.js';
import { ProductService, PRODUCT_SERVICE } from '../domain/product.service.js';
import { ProductKyselyRepository } from './product.kysely-repository.js';

/** Binds the product repository port to Kysely, and the service and use case on top. */
export function registerProductModule(container: DependencyContainer): void {
  container.register(PRODUCT_REPOSITORY, {
    useFactory: instanceCachingFactory(
      (c) => new ProductKyselyRepository(resolve(c, DATABASE), registeredOutbox(c)),
    ),
  });
  container.register(PRODUCT_SERVICE, {
    useFactory: instanceCachingFactory((c) => new ProductService(resolve(c, PRODUCT_REPOSITORY))),
  });
  container.register(PRODUCT_USE_CASE, {
    useFactory: instanceCachingFactory((c) => new ProductUseCase(resolve(c, PRODUCT_SERVICE))),
  });
}
