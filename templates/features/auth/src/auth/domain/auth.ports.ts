import type { Id } from '../../_core/domain/entity.js';
import { token } from '../../_core/domain/token.js';
import type { CurrentUser, Role, User } from './user.entity.js';

/** A user with the stored password hash, which only login reads. */
export interface UserWithPassword extends User {
  passwordHash: string;
}

export interface UserStore {
  /** Throws a `ConflictError` when the email is taken. */
  create(user: { email: string; passwordHash: string; role: Role }): Promise<User>;
  findById(id: Id): Promise<User | undefined>;
  findByEmail(email: string): Promise<UserWithPassword | undefined>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** The work of a real `verify` against a dummy hash, so an unknown email costs the same time. */
  verifyNothing(password: string): Promise<false>;
}

export interface AccessTokens {
  /** A signed access token, and its lifetime in seconds. */
  issue(user: CurrentUser): Promise<{ token: string; expiresIn: number }>;
  /** The token's user, or undefined for any token that is not one of ours and current. */
  verify(token: string): Promise<CurrentUser | undefined>;
}

/** Opaque refresh tokens, one family per login; only their hashes are stored. */
export interface RefreshTokens {
  issue(userId: Id): Promise<string>;
  /**
   * The next token of the family, and whose it is. A token used before revokes its whole
   * family (it was stolen, or its thief used it first); an unknown, expired or revoked one
   * is refused. Both answer undefined.
   */
  rotate(token: string): Promise<{ userId: Id; token: string } | undefined>;
  /** Revokes the token's family; false when the token is unknown or already revoked. */
  revoke(token: string): Promise<boolean>;
}

/** Counts failed logins per key; `blockedFor` is the seconds left, 0 when not blocked. */
export interface LoginLimiter {
  blockedFor(key: string): Promise<number>;
  fail(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export const USER_STORE = token<UserStore>('UserStore');
export const PASSWORD_HASHER = token<PasswordHasher>('PasswordHasher');
export const ACCESS_TOKENS = token<AccessTokens>('AccessTokens');
export const REFRESH_TOKENS = token<RefreshTokens>('RefreshTokens');
export const LOGIN_LIMITER = token<LoginLimiter>('LoginLimiter');
