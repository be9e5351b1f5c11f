import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

import type { AuthSettings } from '../auth.config.js';
import type { LoginLimiter } from '../domain/auth.ports.js';

/**
 * Failed logins counted by `rate-limiter-flexible`: in memory for one instance, in Redis
 * (`REDIS_URL`) so that every instance behind a load balancer sees the same counts.
 */
export class FlexibleLoginLimiter implements LoginLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    settings: AuthSettings,
    readonly redis: Redis | undefined = settings.redisUrl === undefined
      ? undefined
      : connect(settings.redisUrl),
    keyPrefix = 'login-failures',
  ) {
    const options = {
      keyPrefix,
      points: settings.loginMaxFailures,
      duration: settings.loginBlockSeconds,
    };
    this.limiter = this.redis
      ? new RateLimiterRedis({ ...options, storeClient: this.redis })
      : new RateLimiterMemory(options);
  }

  async blockedFor(key: string): Promise<number> {
    const state = await this.limiter.get(key);
    if (!state || state.consumedPoints < this.limiter.points) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  async fail(key: string): Promise<void> {
    await this.limiter.penalty(key);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

/**
 * The limiter's connection does not keep a stopping process alive: graceful shutdown closes
 * the server and the database, and nothing else should hold the event loop open.
 */
function connect(url: string): Redis {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('connect', () => redis.stream.unref());
  return redis;
}
