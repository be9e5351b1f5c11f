import type { ColumnType, Generated, Selectable } from 'kysely';

import type { BaseTable } from '../../_core/infrastructure/kysely-repository.js';
import type { Role } from '../domain/user.entity.js';

type Timestamp = ColumnType<Date | string, string, string>;

export interface UserTable extends BaseTable {
  email: string;
  passwordHash: string;
  role: Role;
}

/** One row per refresh token issued; `family` groups the rotations of one login. */
export interface RefreshTokenTable {
  id: Generated<number>;
  userId: number;
  family: string;
  /** sha256 of the token: a leaked table holds nothing that can be replayed. */
  tokenHash: string;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  revokedAt: Timestamp | null;
  createdAt: Timestamp;
}

export type UserRow = Selectable<UserTable>;

declare module '../../_core/infrastructure/database.js' {
  interface Database {
    user: UserTable;
    refresh_token: RefreshTokenTable;
  }
}
