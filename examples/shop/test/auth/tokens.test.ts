import { sign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { problem } from '../_core/support/http-cases.js';
import { testDatabaseUrls } from '../_core/support/settings.js';
import { bearer, createAuthApp, signUp, TEST_SECRET, type AuthApp } from './support/auth-app.js';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.each(testDatabaseUrls)('access tokens on %s', (url) => {
  let auth: AuthApp;
  let userId: number;
  let valid: string;

  beforeAll(async () => {
    auth = await createAuthApp(url);
    const account = await signUp(auth.app);
    userId = account.user.id;
    valid = account.accessToken;
  });

  afterAll(() => auth.db.destroy());

  /** Claims our own issuer would sign for the user, to be bent by each attack. */
  function claims(overrides: object = {}) {
    const now = Math.floor(Date.now() / 1000);
    return {
      sub: String(userId),
      role: 'user',
      iss: 'api',
      aud: 'api',
      iat: now,
      nbf: now,
      exp: now + 60,
      ...overrides,
    };
  }

  const call = (headers: Record<string, string>) => auth.app.request('/api/test/user', { headers });

  async function expectUnauthorized(headers: Record<string, string>) {
    const response = await call(headers);
    const body = await problem(response, 401);
    expect(body.code).toBe('UNAUTHORIZED');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  }

  it('lets a valid token through, as its user', async () => {
    const response = await call(bearer(valid));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { id: userId, role: 'user' } });
  });

  it('refuses a request without a token: 401 with WWW-Authenticate: Bearer', async () => {
    await expectUnauthorized({});
  });

  it.each([
    ['another scheme', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['no token after Bearer', () => 'Bearer '],
    ['not a JWT', () => 'Bearer not-a-token'],
    ['two segments', () => `Bearer ${valid.split('.').slice(0, 2).join('.')}`],
    ['garbage segments', () => 'Bearer a.b.c'],
    ['a token with spaces', () => `Bearer ${valid} ${valid}`],
  ])('refuses a malformed header: %s', async (_, header) => {
    await expectUnauthorized({ Authorization: header() });
  });

  it('refuses alg: none', async () => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`;
    await expectUnauthorized(bearer(token));
  });

  it('refuses another algorithm signed with the same secret (HS512)', async () => {
    await expectUnauthorized(bearer(await sign(claims(), TEST_SECRET, 'HS512')));
  });

  it('refuses an altered signature', async () => {
    const [header, payload, signature] = valid.split('.');
    const flipped = `${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    await expectUnauthorized(bearer(`${header}.${payload}.${flipped}`));
  });

  it('refuses an altered payload (role raised to admin, signature kept)', async () => {
    const [header, , signature] = valid.split('.');
    const forged = `${header}.${base64url(claims({ role: 'admin' }))}.${signature}`;
    await expectUnauthorized(bearer(forged));
    expect((await auth.app.request('/api/test/admin', { headers: bearer(forged) })).status).toBe(
      401,
    );
  });

  it('refuses a token signed with another secret', async () => {
    const other = 'another-secret-of-at-least-thirty-two-bytes';
    await expectUnauthorized(bearer(await sign(claims(), other, 'HS256')));
  });

  it.each([
    ['expired', { exp: Math.floor(Date.now() / 1000) - 10 }],
    ['not yet valid', { nbf: Math.floor(Date.now() / 1000) + 600 }],
    ['from another issuer', { iss: 'someone-else' }],
    ['for another audience', { aud: 'another-api' }],
    ['without an expiry', { exp: undefined }],
    ['for a subject that is not an id', { sub: 'admin' }],
    ['with an unknown role', { role: 'root' }],
  ])('refuses a token %s', async (_, overrides) => {
    await expectUnauthorized(bearer(await sign(claims(overrides), TEST_SECRET, 'HS256')));
  });

  it("refuses a deleted user's token", async () => {
    const account = await signUp(auth.app);
    expect((await call(bearer(account.accessToken))).status).toBe(200);
    await auth.db.deleteFrom('user').where('id', '=', account.user.id).execute();
    await expectUnauthorized(bearer(account.accessToken));
  });

  it("answers 403 to a user's valid token on an admin route, 200 once the user is an admin", async () => {
    const account = await signUp(auth.app);
    const response = await auth.app.request('/api/test/admin', {
      headers: bearer(account.accessToken),
    });
    expect((await problem(response, 403)).code).toBe('FORBIDDEN');
    await auth.db
      .updateTable('user')
      .set({ role: 'admin' })
      .where('id', '=', account.user.id)
      .execute();
    const promoted = await auth.app.request('/api/test/admin', {
      headers: bearer(account.accessToken),
    });
    expect(promoted.status).toBe(200);
  });
});
