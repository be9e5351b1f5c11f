import { randomBytes } from 'node:crypto';

import { afterAll, describe, expect, it } from 'vitest';

import { FlexibleLoginLimiter } from '../../src/auth/infrastructure/login-limiter.js';
import { testAuthSettings } from './support/auth-app.js';

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(redisUrl === undefined)('the login limiter over Redis (TEST_REDIS_URL)', () => {
  // A key prefix of this run's own, and two limiters with their own connections: two instances.
  const prefix = `test-login-failures-${randomBytes(6).toString('hex')}`;
  const settings = testAuthSettings({ redisUrl: redisUrl!, loginMaxFailures: 20 });
  const instances = [0, 1].map(() => new FlexibleLoginLimiter(settings, undefined, prefix));
  const key = 'ada@example.com|203.0.113.7';

  afterAll(async () => {
    await instances[0]!.reset(key);
    for (const instance of instances) instance.redis?.disconnect();
  });

  it('counts the failures of every instance together: 10 on each blocks the key on both', async () => {
    for (let i = 0; i < 10; i += 1) {
      await instances[0]!.fail(key);
      await instances[1]!.fail(key);
    }
    for (const instance of instances) {
      const wait = await instance.blockedFor(key);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(settings.loginBlockSeconds);
    }
    expect(await instances[0]!.blockedFor('someone-else@example.com|203.0.113.7')).toBe(0);
  });

  it('lifts the block everywhere once a login succeeds on one instance', async () => {
    await instances[1]!.reset(key);
    expect(await instances[0]!.blockedFor(key)).toBe(0);
  });
});
