import type { DependencyContainer } from 'tsyringe';

import { createCoreContainer } from './_core/core.module.js';
import type { Settings } from './_core/config.js';

/** Registers the core and every domain module; `layered new` adds one call per domain. */
export function createServerContainer(settings: Settings): DependencyContainer {
  const container = createCoreContainer(settings);
  return container;
}
