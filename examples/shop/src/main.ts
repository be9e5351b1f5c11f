import 'reflect-metadata';

import { loadSettings, SettingsError } from './_core/config.js';
import { runServer } from './_core/interface/server.js';
import { createApp } from './bootstrap.js';
import { createServerContainer } from './server-container.js';

try {
  const container = createServerContainer(loadSettings());
  runServer(createApp(container), container);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
