import { AppError } from '../../_core/domain/errors.js';

/**
 * No valid credentials: a missing, malformed, expired or tampered token, or a wrong login.
 * RFC 6750 §3 asks a 401 to name the scheme it wants.
 */
export class UnauthorizedError extends AppError {
  readonly status = 401;
  override readonly headers = { 'WWW-Authenticate': 'Bearer realm="api"' };

  constructor(message = 'A valid access token is required.', code = 'UNAUTHORIZED') {
    super(message, code);
  }
}

/** Authenticated, but the role is not enough (or the action is closed to everyone). */
export class ForbiddenError extends AppError {
  readonly status = 403;

  constructor(message = 'Your role does not allow this.', code = 'FORBIDDEN') {
    super(message, code);
  }
}

/** Too many failed logins for one email from one address; `Retry-After` says when to try again. */
export class TooManyAttemptsError extends AppError {
  readonly status = 429;
  override readonly headers: Record<string, string>;

  constructor(retryAfterSeconds: number) {
    super('Too many failed logins; try again later.', 'TOO_MANY_ATTEMPTS');
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}
