import { Redis } from 'ioredis';

/**
 * The worker's connection. BullMQ needs `maxRetriesPerRequest: null`: while Redis is away,
 * commands wait for it to come back instead of failing, so the worker and the relay simply
 * pause and carry on.
 */
export function createWorkerRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * For an operator's one-off commands (`npm run jobs:failed`): gives up after a few attempts to
 * connect, so a script run while Redis is away fails with the reason instead of waiting.
 */
export function createCommandRedis(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => (attempt > 3 ? null : 200),
  });
}

/**
 * Whether Redis answers a PING within `timeoutMs`, on a connection of its own that never
 * retries: readiness must not hang, and the API holds no Redis connection of its own (writes
 * go to the outbox), which would also keep the process alive after SIGTERM.
 */
export async function pingRedis(url: string, timeoutMs = 1_000): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // Failures are the answer here; without a listener ioredis prints them as unhandled.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
