import 'reflect-metadata';

import { loadSettings, SettingsError } from '../_core/config.js';
import { createCoreContainer } from '../_core/core.module.js';
import { createCoreApp } from '../_core/interface/app.js';
import { runServer } from '../_core/interface/server.js';
import { registerProductModule } from './infrastructure/product.module.js';
import { createProductRouter } from './interface/product.router.js';

// Runs the product domain alone; it shares the one database and its migrations.
try {
  const container = createCoreContainer(loadSettings());
  registerProductModule(container);
  const app = createCoreApp(container);
  app.route('/', createProductRouter(container));
  runServer(app, container);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
