import { sign, verify } from 'hono/jwt';
import { z } from 'zod';

import type { AuthSettings } from '../auth.config.js';
import type { AccessTokens } from '../domain/auth.ports.js';
import { ROLES, type CurrentUser } from '../domain/user.entity.js';

/** Pinned: the token's own `alg` header is never trusted (no `none`, no algorithm swaps). */
const ALGORITHM = 'HS256';

// hono/jwt checks `exp` only when present: a token that never expires is refused here.
const claims = z.object({
  sub: z.string().regex(/^[1-9]\d{0,9}$/),
  role: z.enum(ROLES),
  exp: z.number(),
});

/** Short-lived access tokens, HS256 JWTs signed with `JWT_SECRET` through `hono/jwt`. */
export class JwtAccessTokens implements AccessTokens {
  constructor(private readonly settings: AuthSettings) {}

  async issue(user: CurrentUser): Promise<{ token: string; expiresIn: number }> {
    const { jwtSecret, issuer, audience, accessTokenTtlSeconds } = this.settings;
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      sub: String(user.id),
      role: user.role,
      iss: issuer,
      aud: audience,
      iat: now,
      nbf: now,
      exp: now + accessTokenTtlSeconds,
    };
    return { token: await sign(payload, jwtSecret, ALGORITHM), expiresIn: accessTokenTtlSeconds };
  }

  async verify(token: string): Promise<CurrentUser | undefined> {
    const { jwtSecret, issuer, audience } = this.settings;
    let payload: unknown;
    try {
      payload = await verify(token, jwtSecret, { alg: ALGORITHM, iss: issuer, aud: audience });
    } catch {
      // verify does no I/O: whatever it throws (bad encoding, signature, alg, iss, aud, exp,
      // nbf) is about the token, and every such token is simply not valid.
      return undefined;
    }
    const parsed = claims.safeParse(payload);
    return parsed.success ? { id: Number(parsed.data.sub), role: parsed.data.role } : undefined;
  }
}
