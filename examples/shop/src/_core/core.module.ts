import type { Kysely } from 'kysely';
import {
  container as rootContainer,
  instanceCachingFactory,
  type DependencyContainer,
} from 'tsyringe';

import type { Settings } from './config.js';
import { token, type Token } from './domain/token.js';
import { createDatabase, type Database } from './infrastructure/database.js';
import { createLogger, type Logger } from './infrastructure/logger.js';
import { PROBES } from './infrastructure/probes.js';

export const SETTINGS = token<Settings>('Settings');
export const LOGGER = token<Logger>('Logger');
export const DATABASE = token<Kysely<Database>>('Database');

/** `container.resolve` with the type the token carries. */
export function resolve<T>(container: DependencyContainer, token: Token<T>): T {
  return container.resolve<T>(token);
}

/**
 * A fresh child container holding what every module needs. Each call gets its own
 * database, so tests and per-domain servers never share state by accident.
 */
export function createCoreContainer(settings: Settings): DependencyContainer {
  const container = rootContainer.createChildContainer();
  container.register(SETTINGS, { useValue: settings });
  container.register(LOGGER, { useValue: createLogger(settings) });
  container.register(PROBES, { useValue: {} });
  container.register(DATABASE, {
    useFactory: instanceCachingFactory(() =>
      createDatabase(settings.databaseUrl, settings.databasePool),
    ),
  });
  return container;
}
