import { pino, type DestinationStream, type Logger } from 'pino';

import type { Settings } from '../config.js';

export type { Logger };

/**
 * Secrets that must never reach a log line, wherever a careless `logger.info({ body })` or
 * `{ headers }` puts them (pino's redaction; paths are matched at these depths only).
 */
export const REDACTED_PATHS = [
  'password',
  'refreshToken',
  'accessToken',
  'authorization',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.authorization',
  '*.*.password',
  '*.*.refreshToken',
  '*.*.authorization',
];

/** `destination` is for tests that read what was logged; the app logs to stdout. */
export function createLogger(settings: Settings, destination?: DestinationStream): Logger {
  const options = {
    level: settings.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // pino-pretty is a dev dependency: only development asks for it.
    ...(settings.nodeEnv === 'development' &&
      destination === undefined && { transport: { target: 'pino-pretty' } }),
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
