export interface FieldError {
  /** JSON Pointer into the request, e.g. `/price` or `/2/price`. */
  pointer: string;
  message: string;
}

/** `OrderItem` → `ORDER_ITEM`, the prefix of every error code about that resource. */
export function codePrefix(resource: string): string {
  return resource
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** An expected failure with its HTTP status and a stable machine-readable code. */
export abstract class AppError extends Error {
  abstract readonly status: number;
  /** Headers the response must carry, e.g. `WWW-Authenticate` on a 401 or `Retry-After` on a 429. */
  readonly headers?: Record<string, string>;

  constructor(
    message: string,
    readonly code: string,
    readonly errors?: FieldError[],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly status = 422;

  constructor(errors: FieldError[], message = 'The request is not valid.') {
    super(message, 'VALIDATION_FAILED', errors);
  }
}

export class UnprocessableError extends AppError {
  readonly status = 422;
}

export class NotFoundError extends AppError {
  readonly status = 404;

  constructor(resource: string, id?: number | string) {
    const subject = id === undefined ? resource : `${resource} ${id}`;
    super(`${subject} was not found.`, `${codePrefix(resource)}_NOT_FOUND`);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;

  constructor(resource: string, message = `The ${resource} clashes with an existing one.`) {
    super(message, `${codePrefix(resource)}_CONFLICT`);
  }
}

/** A write names a related row that does not exist; `errors` point at the fields that do. */
export class ReferenceNotFoundError extends UnprocessableError {
  constructor(
    resource: string,
    errors?: FieldError[],
    message = `The ${resource} refers to a row that does not exist.`,
  ) {
    super(message, `${codePrefix(resource)}_REFERENCE_NOT_FOUND`, errors);
  }
}

/** A delete is refused because other rows still refer to this one. */
export class InUseError extends AppError {
  readonly status = 409;

  constructor(resource: string, id?: number | string) {
    const subject = id === undefined ? `The ${resource}` : `${resource} ${id}`;
    super(
      `${subject} is still referenced and cannot be deleted.`,
      `${codePrefix(resource)}_IN_USE`,
    );
  }
}

export class ServiceUnavailableError extends AppError {
  readonly status = 503;

  constructor(message = 'A service this request needs is unavailable.', options?: ErrorOptions) {
    super(message, 'SERVICE_UNAVAILABLE', undefined, options);
  }
}

/** Which upstream call failed: logged with the error, never sent to the client. */
export interface UpstreamCall {
  upstream: string;
  method: string;
  url: string;
  [detail: string]: unknown;
}

/** Another service could not be reached, or answered 5xx, after the retries it allows. */
export class BadGatewayError extends AppError {
  readonly status = 502;

  constructor(
    readonly call: UpstreamCall,
    options?: ErrorOptions,
  ) {
    super('A service this request depends on failed.', 'UPSTREAM_FAILED', undefined, options);
  }
}

/** Another service did not answer in time. */
export class GatewayTimeoutError extends AppError {
  readonly status = 504;

  constructor(
    readonly call: UpstreamCall,
    options?: ErrorOptions,
  ) {
    super(
      'A service this request depends on did not answer in time.',
      'UPSTREAM_TIMEOUT',
      undefined,
      options,
    );
  }
}
