import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { problem } from '../_core/support/http-cases.js';
import { testDatabaseUrls } from '../_core/support/settings.js';
import {
  createAuthApp,
  PASSWORD,
  post,
  signUp,
  uniqueEmail,
  type AuthApp,
} from './support/auth-app.js';

describe.each(testDatabaseUrls)('login on %s', (url) => {
  let auth: AuthApp;

  beforeAll(async () => {
    auth = await createAuthApp(url);
  });

  afterAll(() => auth.db.destroy());

  const login = (email: string, password: string) =>
    post(auth.app, '/api/v1/auth/login', { email, password });

  it('answers tokens for the right password, whatever the email casing', async () => {
    const { email } = await signUp(auth.app);
    const response = await login(email.toUpperCase(), PASSWORD);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    expect(data).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
  });

  it('answers an unknown email and a wrong password alike: same status and body', async () => {
    const { email } = await signUp(auth.app);
    const unknown = await login(uniqueEmail(), PASSWORD);
    const wrong = await login(email, `${PASSWORD}!`);
    const strip = ({ traceId: _, ...rest }: Record<string, unknown>) => rest;
    const [a, b] = [await problem(unknown, 401), await problem(wrong, 401)];
    expect(strip(a as never)).toEqual(strip(b as never));
    expect(a.code).toBe('INVALID_CREDENTIALS');
  });

  it('takes about as long for an unknown email as for a wrong password (the dummy hash)', async () => {
    const { email } = await signUp(auth.app);
    const timed = async (send: () => Promise<Response> | Response) => {
      const started = performance.now();
      await send();
      return performance.now() - started;
    };
    // Interleaved, so a busy machine slows both alike; medians, so one stall does not count.
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      unknown.push(await timed(() => login(uniqueEmail(), PASSWORD)));
      wrong.push(await timed(() => login(email, `${PASSWORD}?`)));
    }
    const median = (times: number[]) => times.sort((x, y) => x - y)[4]!;
    // Without the dummy hash an unknown email skips scrypt and answers ~20 times faster.
    expect(median(unknown) / median(wrong)).toBeGreaterThan(1 / 3);
    expect(median(unknown) / median(wrong)).toBeLessThan(3);
  });

  it('blocks an email after 20 failures: 429 with Retry-After, even for the right password', async () => {
    const { email } = await signUp(auth.app);
    for (let i = 0; i < 20; i += 1) expect((await login(email, 'wrong password')).status).toBe(401);
    const blocked = await login(email, PASSWORD);
    expect((await problem(blocked, 429)).code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not locked out with it.
    const other = await signUp(auth.app);
    expect((await login(other.email, PASSWORD)).status).toBe(200);
  });

  it('forgets failures after a successful login', async () => {
    const { email } = await signUp(auth.app);
    for (let i = 0; i < 19; i += 1) await login(email, 'wrong password');
    expect((await login(email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 19; i += 1) await login(email, 'wrong password');
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it.each([
    ['no body', ''],
    ['no password', { email: 'a@example.com' }],
    ['a bad email', { email: 'not-an-email', password: PASSWORD }],
    ['an unknown field', { email: 'a@example.com', password: PASSWORD, remember: true }],
  ])('answers 422/400 to %s, never 500', async (_, body) => {
    const response = await post(auth.app, '/api/v1/auth/login', body);
    expect([400, 422]).toContain(response.status);
  });
});
