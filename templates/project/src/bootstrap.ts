import type { DependencyContainer } from 'tsyringe';

import { createCoreApp, type App } from './_core/interface/app.js';

/** Builds the HTTP app and mounts every domain router; `layered new` adds one line per domain. */
export function createApp(container: DependencyContainer): App {
  const app = createCoreApp(container);
  return app;
}
