import { createHash, randomBytes, randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { Id } from '../../_core/domain/entity.js';
import { fromDbDateTime, toDbDateTime } from '../../_core/infrastructure/column-values.js';
import type { Database } from '../../_core/infrastructure/database.js';
import { translateDatabaseError } from '../../_core/infrastructure/database-errors.js';
import type { RefreshTokens } from '../domain/auth.ports.js';

const TOKEN_BYTES = 32;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Refresh tokens in the `refresh_token` table, rotated on use, revoked by family. */
export class KyselyRefreshTokens implements RefreshTokens {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlDays: number,
  ) {}

  issue(userId: Id, family: string = randomUUID()): Promise<string> {
    return this.translate(async () => {
      const token = randomBytes(TOKEN_BYTES).toString('base64url');
      const now = new Date();
      await this.db
        .insertInto('refresh_token')
        .values({
          userId,
          family,
          tokenHash: sha256(token),
          expiresAt: toDbDateTime(new Date(now.getTime() + this.ttlDays * DAY_MS)),
          createdAt: toDbDateTime(now),
          usedAt: null,
          revokedAt: null,
        })
        .execute();
      return token;
    });
  }

  rotate(token: string): Promise<{ userId: Id; token: string } | undefined> {
    return this.translate(async () => {
      const row = await this.find(token);
      if (!row || row.revokedAt !== null || expired(row.expiresAt)) return undefined;
      const now = toDbDateTime(new Date());
      // Conditional on `used_at is null`, so of two racing uses only one wins the rotation;
      // the other is a reuse like any later one.
      const { numUpdatedRows } = await this.db
        .updateTable('refresh_token')
        .set({ usedAt: now })
        .where('id', '=', row.id)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) {
        await this.revokeFamily(row.family);
        return undefined;
      }
      const userId = Number(row.userId);
      return { userId, token: await this.issue(userId, row.family) };
    });
  }

  revoke(token: string): Promise<boolean> {
    return this.translate(async () => {
      const row = await this.find(token);
      if (!row || row.revokedAt !== null) return false;
      await this.revokeFamily(row.family);
      return true;
    });
  }

  private find(token: string) {
    return this.db
      .selectFrom('refresh_token')
      .select(['id', 'userId', 'family', 'expiresAt', 'revokedAt'])
      .where('tokenHash', '=', sha256(token))
      .executeTakeFirst();
  }

  private async revokeFamily(family: string): Promise<void> {
    await this.db
      .updateTable('refresh_token')
      .set({ revokedAt: toDbDateTime(new Date()) })
      .where('family', '=', family)
      .where('revokedAt', 'is', null)
      .execute();
  }

  private async translate<R>(query: () => Promise<R>): Promise<R> {
    try {
      return await query();
    } catch (error) {
      throw translateDatabaseError(error, 'RefreshToken', 'write');
    }
  }
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function expired(expiresAt: Date | string): boolean {
  return Date.parse(fromDbDateTime(expiresAt)) <= Date.now();
}
