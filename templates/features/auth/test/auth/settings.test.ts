import { describe, expect, it } from 'vitest';

import { SettingsError } from '../../src/_core/config.js';
import { loadAuthSettings, MIN_SECRET_BYTES } from '../../src/auth/auth.config.js';

const SECRET = 'x'.repeat(MIN_SECRET_BYTES);

describe('auth settings', () => {
  it.each(['production', 'test'] as const)(
    'stop start-up in %s without JWT_SECRET, with one readable line',
    (nodeEnv) => {
      expect(() => loadAuthSettings({}, nodeEnv)).toThrow(SettingsError);
      expect(() => loadAuthSettings({ JWT_SECRET: '' }, nodeEnv)).toThrow(/JWT_SECRET is missing/);
      expect(() => loadAuthSettings({}, nodeEnv)).toThrow(
        /^Invalid settings: JWT_SECRET is missing; set at least 32 random bytes, e\.g\. [^\n]+$/,
      );
    },
  );

  it('stop start-up in production with a JWT_SECRET shorter than 32 bytes', () => {
    expect(() => loadAuthSettings({ JWT_SECRET: SECRET.slice(1) }, 'production')).toThrow(
      /JWT_SECRET is shorter than 32 bytes/,
    );
  });

  it('accept a 32-byte secret, and count bytes, not characters', () => {
    expect(loadAuthSettings({ JWT_SECRET: SECRET }, 'production').jwtSecret).toBe(SECRET);
    const elevenEuros = '\u20ac'.repeat(11); // 33 bytes in UTF-8
    expect(loadAuthSettings({ JWT_SECRET: elevenEuros }, 'production').jwtSecret).toBe(elevenEuros);
  });

  it('use a random secret in development, different on each start', () => {
    const first = loadAuthSettings({}, 'development').jwtSecret;
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(MIN_SECRET_BYTES);
    expect(loadAuthSettings({}, 'development').jwtSecret).not.toBe(first);
  });

  it('default to 15-minute access tokens and OWASP-strength scrypt', () => {
    const settings = loadAuthSettings({ JWT_SECRET: SECRET }, 'production');
    expect(settings.accessTokenTtlSeconds).toBe(900);
    expect(settings.passwordHashCost).toBe(17);
  });

  it('refuse a REDIS_URL that is not a URL', () => {
    expect(() => loadAuthSettings({ JWT_SECRET: SECRET, REDIS_URL: 'nope' }, 'production')).toThrow(
      /REDIS_URL/,
    );
  });
});
