import type { Id } from '../../_core/domain/entity.js';
import { token } from '../../_core/domain/token.js';
import { ForbiddenError, TooManyAttemptsError, UnauthorizedError } from '../domain/auth.errors.js';
import type {
  AccessTokens,
  LoginLimiter,
  PasswordHasher,
  RefreshTokens,
  UserStore,
} from '../domain/auth.ports.js';
import type { CurrentUser, User } from '../domain/user.entity.js';

export interface Credentials {
  email: string;
  password: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface AuthServiceDeps {
  users: UserStore;
  passwords: PasswordHasher;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  loginLimiter: LoginLimiter;
  registration: 'open' | 'closed';
}

/** Register, log in, refresh, log out: what the auth routes call. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async register({ email, password }: Credentials): Promise<User> {
    if (this.deps.registration === 'closed') {
      throw new ForbiddenError('Registration is closed.', 'REGISTRATION_CLOSED');
    }
    const passwordHash = await this.deps.passwords.hash(password);
    return this.deps.users.create({ email, passwordHash, role: 'user' });
  }

  /**
   * An unknown email and a wrong password fail alike, in about the same time (the dummy
   * hash), so the answer does not tell which emails have accounts. `address` is the client's,
   * keyed with the email so one attacker cannot lock everyone out of an account.
   */
  async login({ email, password }: Credentials, address: string): Promise<TokenPair> {
    const key = `${email}|${address}`;
    const wait = await this.deps.loginLimiter.blockedFor(key);
    if (wait > 0) throw new TooManyAttemptsError(wait);
    const user = await this.deps.users.findByEmail(email);
    const valid = user
      ? await this.deps.passwords.verify(password, user.passwordHash)
      : await this.deps.passwords.verifyNothing(password);
    if (!user || !valid) {
      await this.deps.loginLimiter.fail(key);
      throw new UnauthorizedError('The email or password is wrong.', 'INVALID_CREDENTIALS');
    }
    await this.deps.loginLimiter.reset(key);
    return this.tokens(user, await this.deps.refreshTokens.issue(user.id));
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const rotated = await this.deps.refreshTokens.rotate(refreshToken);
    const user = rotated && (await this.deps.users.findById(rotated.userId));
    if (!rotated || !user) throw invalidRefreshToken();
    return this.tokens(user, rotated.token);
  }

  async logout(refreshToken: string): Promise<void> {
    if (!(await this.deps.refreshTokens.revoke(refreshToken))) throw invalidRefreshToken();
  }

  /** The caller's account; a token that outlived its user is refused like any other. */
  async me(id: Id): Promise<User> {
    const user = await this.deps.users.findById(id);
    if (!user) throw new UnauthorizedError();
    return user;
  }

  private async tokens(user: CurrentUser, refreshToken: string): Promise<TokenPair> {
    const { token: accessToken, expiresIn } = await this.deps.accessTokens.issue(user);
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn };
  }
}

function invalidRefreshToken(): UnauthorizedError {
  return new UnauthorizedError(
    'The refresh token is not valid; log in again.',
    'INVALID_REFRESH_TOKEN',
  );
}

export const AUTH_SERVICE = token<AuthService>('AuthService');
