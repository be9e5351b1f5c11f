import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';

import { DATABASE, resolve } from '../../_core/core.module.js';
import { registeredOutbox } from '../../_core/infrastructure/outbox.js';
import { CategoryUseCase, CATEGORY_USE_CASE } from '../application/category.use-case.js';
import { CATEGORY_REPOSITORY } from '../domain/category.repository.js';
import { CategoryService, CATEGORY_SERVICE } from '../domain/category.service.js';
import { CategoryKyselyRepository } from './category.kysely-repository.js';

/** Binds the category repository port to Kysely, and the service and use case on top. */
export function registerCategoryModule(container: DependencyContainer): void {
  container.register(CATEGORY_REPOSITORY, {
    useFactory: instanceCachingFactory(
      (c) => new CategoryKyselyRepository(resolve(c, DATABASE), registeredOutbox(c)),
    ),
  });
  container.register(CATEGORY_SERVICE, {
    useFactory: instanceCachingFactory((c) => new CategoryService(resolve(c, CATEGORY_REPOSITORY))),
  });
  container.register(CATEGORY_USE_CASE, {
    useFactory: instanceCachingFactory((c) => new CategoryUseCase(resolve(c, CATEGORY_SERVICE))),
  });
}
