import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '../../src/_core/infrastructure/logger.js';
import { MAX_BODY_BYTES } from '../../src/_core/interface/app.js';
import { problem } from '../_core/support/http-cases.js';
import { testDatabaseUrls, testSettings } from '../_core/support/settings.js';
import {
  bearer,
  createAuthApp,
  logCapture,
  logIn,
  PASSWORD,
  post,
  signUp,
  uniqueEmail,
  type AuthApp,
} from './support/auth-app.js';

describe.each(testDatabaseUrls)('passwords on %s', (url) => {
  let auth: AuthApp;

  beforeAll(async () => {
    auth = await createAuthApp(url);
  });

  afterAll(() => auth.db.destroy());

  const register = (body: unknown) => post(auth.app, '/api/v1/auth/register', body);

  it.each([
    ['too short', 'short'],
    ['longer than 256 characters', 'x'.repeat(257)],
  ])('refuses a password %s: 422 at /password', async (_, password) => {
    const body = await problem(await register({ email: uniqueEmail(), password }), 422);
    expect(body.errors?.map((error) => error.pointer)).toEqual(['/password']);
  });

  it('refuses a body over the 1 MiB limit with 413, before hashing anything', async () => {
    const password = 'x'.repeat(MAX_BODY_BYTES);
    await problem(await register({ email: uniqueEmail(), password }), 413);
  });

  it('refuses a role sent to register', async () => {
    const body = await problem(
      await register({ email: uniqueEmail(), password: PASSWORD, role: 'admin' }),
      422,
    );
    expect(body.errors?.map((error) => error.pointer)).toEqual(['/role']);
  });

  it('answers 409 to an email that has an account, in any casing', async () => {
    const { email } = await signUp(auth.app);
    await problem(await register({ email: email.toUpperCase(), password: PASSWORD }), 409);
  });

  it('normalises Unicode (NFKC): composed, decomposed and full-width forms are one password', async () => {
    const composed = 'caf\u00e9 \uff21\uff22\uff23 secret';
    const decomposed = 'cafe\u0301 ABC secret';
    const { email } = await signUp(auth.app, uniqueEmail(), composed);
    await logIn(auth.app, email, decomposed);
  });

  it('stores only a PHC scrypt hash, never the password', async () => {
    const { email, password } = await signUp(auth.app);
    const row = await auth.db
      .selectFrom('user')
      .select('passwordHash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$scrypt\$ln=\d+,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(row.passwordHash).not.toContain(password);
  });

  it('returns no password or hash in any response', async () => {
    const email = uniqueEmail();
    const registered = await register({ email, password: PASSWORD });
    const tokens = await logIn(auth.app, email);
    const me = await auth.app.request('/api/v1/auth/me', { headers: bearer(tokens.accessToken) });
    for (const response of [registered, me]) {
      const text = await response.text();
      expect(text).not.toMatch(/password|scrypt/i);
      expect(JSON.parse(text)).toEqual({
        data: expect.objectContaining({ email, role: 'user' }),
      });
    }
  });

  it('keeps passwords out of every response schema of the OpenAPI document', async () => {
    const document = (await (await auth.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    const responses = Object.values(document.paths).flatMap((path) =>
      Object.values(path).map((operation) => operation.responses),
    );
    // Descriptions may say "password"; no response schema may have such a property.
    expect(JSON.stringify(responses)).not.toMatch(/"password\w*":/i);
    for (const name of ['User', 'TokenPair', 'Problem']) {
      expect(JSON.stringify(document.components.schemas[name])).not.toMatch(/password/i);
    }
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
    expect(document.paths['/api/v1/auth/me']?.['get']).toMatchObject({
      security: [{ bearerAuth: [] }],
    });
  });
});

describe('logs', () => {
  it('redact passwords, tokens and the Authorization header wherever a careless line puts them', () => {
    const capture = logCapture();
    const logger = createLogger(testSettings({ logLevel: 'debug' }), capture.stream);
    logger.info({ body: { email: 'a@example.com', password: PASSWORD } }, 'careless');
    logger.info({ req: { headers: { authorization: 'Bearer secret.token.here' } } }, 'careless');
    logger.info({ refreshToken: 'refresh-secret', password: PASSWORD }, 'careless');
    const text = capture.text();
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('secret.token.here');
    expect(text).not.toContain('refresh-secret');
    expect(text).toContain('[redacted]');
  });

  it('hold no password or token after register, login, a failed login, refresh and me', async () => {
    const capture = logCapture();
    const auth = await createAuthApp('sqlite::memory:', {}, capture.stream);
    try {
      const account = await signUp(auth.app);
      await post(auth.app, '/api/v1/auth/login', { email: account.email, password: 'wrong one!' });
      await post(auth.app, '/api/v1/auth/refresh', { refreshToken: account.refreshToken });
      await auth.app.request('/api/v1/auth/me', { headers: bearer(account.accessToken) });
      const text = capture.text();
      expect(text.match(/"msg":"request"/g)).toHaveLength(5);
      for (const secret of [PASSWORD, 'wrong one!', account.refreshToken, account.accessToken]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await auth.db.destroy();
    }
  });
});
