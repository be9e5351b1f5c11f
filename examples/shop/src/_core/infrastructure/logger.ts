import { pino, type Logger } from 'pino';

import type { Settings } from '../config.js';

export type { Logger };

export function createLogger(settings: Settings): Logger {
  return pino({
    level: settings.logLevel,
    // pino-pretty is a dev dependency: only development asks for it.
    ...(settings.nodeEnv === 'development' && { transport: { target: 'pino-pretty' } }),
  });
}
