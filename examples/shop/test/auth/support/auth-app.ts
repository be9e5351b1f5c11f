import { Writable } from 'node:stream';

import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import type { DependencyContainer } from 'tsyringe';
import { expect } from 'vitest';

import { createCoreContainer, DATABASE, LOGGER, resolve } from '../../../src/_core/core.module.js';
import type { Database } from '../../../src/_core/infrastructure/database.js';
import { createLogger } from '../../../src/_core/infrastructure/logger.js';
import { createCoreApp, type App } from '../../../src/_core/interface/app.js';
import { createRouter } from '../../../src/_core/interface/router.js';
import type { AuthSettings } from '../../../src/auth/auth.config.js';
import { ACCESS_TOKENS, PASSWORD_HASHER, USER_STORE } from '../../../src/auth/domain/auth.ports.js';
import type { Role, User } from '../../../src/auth/domain/user.entity.js';
import { registerAuthModule } from '../../../src/auth/infrastructure/auth.module.js';
import { KyselyUserStore } from '../../../src/auth/infrastructure/kysely-user-store.js';
import { createAuthRouter } from '../../../src/auth/interface/auth.router.js';
import { requireUser } from '../../../src/auth/interface/authenticate.js';
import type { Client } from '../../_core/support/http-cases.js';
import { migrateToLatest } from '../../_core/support/migrate.js';
import { testSettings } from '../../_core/support/settings.js';
import { uniqueNumber } from '../../_core/support/unique.js';

export type { Client };

export const TEST_SECRET = 'test-secret-of-at-least-thirty-two-bytes!';
export const PASSWORD = 'correct horse battery staple';

/** Cheap hashes (2^12) keep the suite fast; the cost is read back from each stored hash. */
export function testAuthSettings(overrides: Partial<AuthSettings> = {}): AuthSettings {
  return {
    jwtSecret: TEST_SECRET,
    issuer: 'api',
    audience: 'api',
    accessTokenTtlSeconds: 900,
    refreshTokenTtlDays: 30,
    registration: 'open',
    loginMaxFailures: 20,
    loginBlockSeconds: 900,
    passwordHashCost: 12,
    ...overrides,
  };
}

export interface AuthApp {
  app: App;
  container: DependencyContainer;
  db: Kysely<Database>;
}

/**
 * The core app with the auth routes, plus `/api/test/user` and `/api/test/admin` guarded for
 * each role, over a migrated database.
 */
export async function createAuthApp(
  databaseUrl: string,
  auth: Partial<AuthSettings> = {},
  logTo?: DestinationStream,
): Promise<AuthApp> {
  const container = createCoreContainer(testSettings({ databaseUrl }));
  if (logTo) {
    const logger = createLogger(testSettings({ logLevel: 'debug' }), logTo);
    container.register(LOGGER, { useValue: logger });
  }
  registerAuthModule(container, testAuthSettings(auth));
  const app = createCoreApp(container);
  app.route('/', createAuthRouter(container));
  const guarded = createRouter();
  guarded.get('/api/test/user', requireUser(container), (c) => c.json({ data: c.get('user') }));
  guarded.get('/api/test/admin', requireUser(container, 'admin'), (c) => c.json({ data: 'ok' }));
  app.route('/', guarded);
  const db = resolve(container, DATABASE);
  await migrateToLatest(db);
  return { app, container, db };
}

export function post(app: App, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function uniqueEmail(): string {
  return `user${uniqueNumber()}@example.com`;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** Registers a new account and logs it in. */
export async function signUp(app: App, email = uniqueEmail(), password = PASSWORD) {
  const registered = await post(app, '/api/v1/auth/register', { email, password });
  expect(registered.status).toBe(201);
  const { data: user } = (await registered.json()) as { data: { id: number } };
  return { email, password, user, ...(await logIn(app, email, password)) };
}

export async function logIn(app: App, email: string, password = PASSWORD): Promise<Tokens> {
  const response = await post(app, '/api/v1/auth/login', { email, password });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Tokens }).data;
}

/**
 * A client of `app` that sends the access token of a new user (or admin) with every request,
 * for tests of what a signed-in caller may do.
 */
export async function signedIn(
  app: App,
  container: DependencyContainer,
  role: Role = 'user',
): Promise<Client & { user: User }> {
  const passwordHash = await resolve(container, PASSWORD_HASHER).hash(PASSWORD);
  const user = await resolve(container, USER_STORE).create({
    email: uniqueEmail(),
    passwordHash,
    role,
  });
  const { token } = await resolve(container, ACCESS_TOKENS).issue(user);
  return {
    user,
    request: (input, init, ...rest) => {
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      return app.request(input, { ...init, headers }, ...rest);
    },
  };
}

/** Stores a user who cannot log in (no password verifies `!`), to own fixture rows. */
export async function seedUser(db: Kysely<Database>): Promise<number> {
  const users = new KyselyUserStore(db);
  return (await users.create({ email: uniqueEmail(), passwordHash: '!', role: 'user' })).id;
}

export function bearer(accessToken: string): Record<string, string> {
  return { Authorization: `Bearer ${accessToken}` };
}

/** A stream that keeps what is written to it, to read what was logged. */
export function logCapture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}
