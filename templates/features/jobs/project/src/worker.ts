import 'reflect-metadata';

import { loadSettings, SettingsError } from './_core/config.js';
import { loadJobSettings } from './_core/jobs/jobs-settings.js';
import { runWorker } from './_core/jobs/worker.js';
import { createConsumers } from './consumers.js';
import { createServerContainer } from './server-container.js';

try {
  const container = createServerContainer(loadSettings());
  runWorker(container, createConsumers(container), loadJobSettings());
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
