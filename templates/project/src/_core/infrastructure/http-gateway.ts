import { setTimeout as sleep } from 'node:timers/promises';

import { errors, Pool } from 'undici';

import { BadGatewayError, GatewayTimeoutError, type UpstreamCall } from '../domain/errors.js';

export interface GatewayOptions {
  /** Names the upstream in logs (never in responses), e.g. `payments`. */
  name: string;
  /** `https://payments.example.com/v2`: request paths are relative to it. */
  baseUrl: string;
  /** Sent with every request, e.g. an API key. */
  headers?: Record<string, string>;
  /** The whole call, retries included; past it the caller gets a 504. Default 5 s. */
  timeoutMs?: number;
  /** Extra attempts after a failure, for idempotent methods only. Default 2. */
  retries?: number;
  /** The first retry's wait; each next one doubles it, with jitter. Default 100 ms. */
  retryDelayMs?: number;
  /** Kept-alive connections to the upstream, at most. Default 10. */
  connections?: number;
}

export interface GatewayRequest {
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An upstream answer below 500: the gateway's subclass decides what a 404 or a 409 means. */
export interface GatewayResponse<T> {
  status: number;
  body: T;
}

/** Methods a retry cannot apply twice (RFC 9110 section 9.2.2); POST and PATCH are not. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * The base of every outbound API (the seed's `BaseHttpGateway`): one kept-alive connection
 * pool per upstream, default headers, a deadline per call, and retries with exponential
 * backoff for idempotent methods. An upstream that cannot be reached or answers 5xx becomes a
 * 502 and one that misses the deadline a 504, both problem+json; the upstream's name and URL go
 * to the log with the error, not to the client.
 *
 * @example
 * export class PaymentsGateway extends BaseHttpGateway {
 *   constructor(settings: Settings) {
 *     super({ name: 'payments', baseUrl: settings.paymentsUrl, headers: { authorization: `Bearer ${settings.paymentsKey}` } });
 *   }
 *
 *   async charge(orderId: number): Promise<Charge | undefined> {
 *     const { status, body } = await this.request<Charge>('GET', `/charges/${orderId}`);
 *     return status === 404 ? undefined : body;
 *   }
 * }
 */
export abstract class BaseHttpGateway {
  readonly #options: Required<Omit<GatewayOptions, 'headers'>> & {
    headers: Record<string, string>;
  };
  readonly #origin: URL;
  readonly #pool: Pool;

  protected constructor(options: GatewayOptions) {
    this.#options = {
      timeoutMs: 5_000,
      retries: 2,
      retryDelayMs: 100,
      connections: 10,
      headers: {},
      ...options,
    };
    this.#origin = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.#pool = new Pool(this.#origin.origin, { connections: this.#options.connections });
  }

  /** Sends one request as JSON and parses the JSON answer (an empty body is `undefined`). */
  protected async request<T>(
    method: string,
    path: string,
    init: GatewayRequest = {},
  ): Promise<GatewayResponse<T>> {
    const url = new URL(path.replace(/^\//, ''), this.#origin);
    for (const [key, value] of Object.entries(init.query ?? {}))
      url.searchParams.set(key, String(value));
    const deadline = AbortSignal.timeout(this.#options.timeoutMs);
    const attempts = IDEMPOTENT.has(method.toUpperCase()) ? this.#options.retries + 1 : 1;
    const upstream: UpstreamCall = { upstream: this.#options.name, method, url: url.toString() };
    let failure: unknown;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      if (attempt > 0) await this.#backoff(attempt, deadline, upstream);
      try {
        const response = await this.#pool.request({
          method: method.toUpperCase() as 'GET',
          path: `${url.pathname}${url.search}`,
          headers: {
            accept: 'application/json',
            ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...this.#options.headers,
            ...init.headers,
          },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal: deadline,
        });
        const text = await response.body.text();
        if (response.statusCode < 500)
          return {
            status: response.statusCode,
            body: (text === '' ? undefined : JSON.parse(text)) as T,
          };
        failure = new Error(`answered ${response.statusCode}: ${text.slice(0, 200)}`);
      } catch (error) {
        if (deadline.aborted)
          throw new GatewayTimeoutError(
            { ...upstream, timeoutMs: this.#options.timeoutMs },
            { cause: error },
          );
        if (!isConnectionFailure(error)) throw error;
        failure = error;
      }
    }
    throw new BadGatewayError({ ...upstream, attempts }, { cause: failure });
  }

  /** Closes the kept-alive connections (on shutdown). */
  async close(): Promise<void> {
    await this.#pool.close();
  }

  async #backoff(attempt: number, deadline: AbortSignal, upstream: UpstreamCall): Promise<void> {
    const wait = this.#options.retryDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
    try {
      await sleep(wait, undefined, { signal: deadline });
    } catch (error) {
      throw new GatewayTimeoutError(
        { ...upstream, timeoutMs: this.#options.timeoutMs },
        { cause: error },
      );
    }
  }
}

/** Refused, reset or dropped connections: worth a retry, unlike a bug in the request. */
function isConnectionFailure(error: unknown): boolean {
  if (error instanceof errors.UndiciError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    /^(ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ETIMEDOUT)$/.test(code)
  );
}
