import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { problem } from '../_core/support/http-cases.js';
import { testDatabaseUrls } from '../_core/support/settings.js';
import {
  bearer,
  createAuthApp,
  logIn,
  post,
  signUp,
  type AuthApp,
  type Tokens,
} from './support/auth-app.js';

describe.each(testDatabaseUrls)('refresh and logout on %s', (url) => {
  let auth: AuthApp;

  beforeAll(async () => {
    auth = await createAuthApp(url);
  });

  afterAll(() => auth.db.destroy());

  const refresh = (refreshToken: string) =>
    post(auth.app, '/api/v1/auth/refresh', { refreshToken });

  async function rotate(refreshToken: string): Promise<Tokens> {
    const response = await refresh(refreshToken);
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: Tokens }).data;
  }

  it('rotates: the new pair works, the old refresh token is dead', async () => {
    const first = await signUp(auth.app);
    const second = await rotate(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const me = await auth.app.request('/api/v1/auth/me', { headers: bearer(second.accessToken) });
    expect(me.status).toBe(200);
    expect((await problem(await refresh(first.refreshToken), 401)).code).toBe(
      'INVALID_REFRESH_TOKEN',
    );
  });

  it('revokes the whole family when a rotated token is reused', async () => {
    const first = await signUp(auth.app);
    const second = await rotate(first.refreshToken);
    await problem(await refresh(first.refreshToken), 401);
    // The thief's (or the owner's) newer token dies with it.
    await problem(await refresh(second.refreshToken), 401);
  });

  it('leaves other sessions of the same user alone', async () => {
    const first = await signUp(auth.app);
    const otherSession = await logIn(auth.app, first.email);
    await rotate(first.refreshToken);
    await problem(await refresh(first.refreshToken), 401);
    expect((await refresh(otherSession.refreshToken)).status).toBe(200);
  });

  it('logs out: 204, and the session cannot refresh any more', async () => {
    const account = await signUp(auth.app);
    const next = await rotate(account.refreshToken);
    const response = await post(auth.app, '/api/v1/auth/logout', {
      refreshToken: next.refreshToken,
    });
    expect(response.status).toBe(204);
    await problem(await refresh(next.refreshToken), 401);
    await problem(
      await post(auth.app, '/api/v1/auth/logout', { refreshToken: next.refreshToken }),
      401,
    );
  });

  it('refuses an unknown or expired refresh token', async () => {
    await problem(await refresh('not-a-token-we-issued'), 401);
    const account = await signUp(auth.app);
    await auth.db
      .updateTable('refresh_token')
      .set({ expiresAt: '2000-01-01 00:00:00.000' })
      .where('userId', '=', account.user.id)
      .execute();
    await problem(await refresh(account.refreshToken), 401);
  });

  it('stores refresh tokens only as hashes', async () => {
    const account = await signUp(auth.app);
    const rows = await auth.db
      .selectFrom('refresh_token')
      .select('tokenHash')
      .where('userId', '=', account.user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(account.refreshToken);
  });
});
