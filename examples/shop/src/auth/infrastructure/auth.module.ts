import { instanceCachingFactory, type DependencyContainer } from 'tsyringe';

import { DATABASE, resolve, SETTINGS } from '../../_core/core.module.js';
import { token } from '../../_core/domain/token.js';
import { AUTH_SERVICE, AuthService } from '../application/auth.service.js';
import { loadAuthSettings, type AuthSettings } from '../auth.config.js';
import {
  ACCESS_TOKENS,
  LOGIN_LIMITER,
  PASSWORD_HASHER,
  REFRESH_TOKENS,
  USER_STORE,
} from '../domain/auth.ports.js';
import { JwtAccessTokens } from './jwt-access-tokens.js';
import { KyselyRefreshTokens } from './kysely-refresh-tokens.js';
import { KyselyUserStore } from './kysely-user-store.js';
import { FlexibleLoginLimiter } from './login-limiter.js';
import { ScryptPasswordHasher } from './scrypt-password-hasher.js';

export const AUTH_SETTINGS = token<AuthSettings>('AuthSettings');

/**
 * Users, passwords, tokens and the login limiter. Settings come from the environment unless
 * given (tests give them); a bad `JWT_SECRET` throws a `SettingsError` here, at start-up.
 */
export function registerAuthModule(
  container: DependencyContainer,
  settings: AuthSettings = loadAuthSettings(process.env, resolve(container, SETTINGS).nodeEnv),
): void {
  container.register(AUTH_SETTINGS, { useValue: settings });
  container.register(USER_STORE, {
    useFactory: instanceCachingFactory((c) => new KyselyUserStore(resolve(c, DATABASE))),
  });
  container.register(PASSWORD_HASHER, {
    useValue: new ScryptPasswordHasher(settings.passwordHashCost),
  });
  container.register(ACCESS_TOKENS, { useValue: new JwtAccessTokens(settings) });
  container.register(REFRESH_TOKENS, {
    useFactory: instanceCachingFactory(
      (c) => new KyselyRefreshTokens(resolve(c, DATABASE), settings.refreshTokenTtlDays),
    ),
  });
  container.register(LOGIN_LIMITER, {
    useFactory: instanceCachingFactory(() => new FlexibleLoginLimiter(settings)),
  });
  container.register(AUTH_SERVICE, {
    useFactory: instanceCachingFactory(
      (c) =>
        new AuthService({
          users: resolve(c, USER_STORE),
          passwords: resolve(c, PASSWORD_HASHER),
          accessTokens: resolve(c, ACCESS_TOKENS),
          refreshTokens: resolve(c, REFRESH_TOKENS),
          loginLimiter: resolve(c, LOGIN_LIMITER),
          registration: settings.registration,
        }),
    ),
  });
}
