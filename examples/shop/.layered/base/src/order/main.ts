import 'reflect-metadata';

import { loadSettings, SettingsError } from '../_core/config.js';
import { createCoreContainer } from '../_core/core.module.js';
import { createCoreApp } from '../_core/interface/app.js';
import { runServer } from '../_core/interface/server.js';
import { registerAuthModule } from '../auth/infrastructure/auth.module.js';
import { registerOrderModule } from './infrastructure/order.module.js';
import { createOrderRouter } from './interface/order.router.js';

// Runs the order domain alone; it shares the one database and its migrations.
try {
  const container = createCoreContainer(loadSettings());
  registerAuthModule(container);
  registerOrderModule(container);
  const app = createCoreApp(container);
  app.route('/', createOrderRouter(container));
  runServer(app, container);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
