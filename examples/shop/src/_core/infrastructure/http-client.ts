import { ServiceUnavailableError } from '../domain/errors.js';

export interface HttpClientOptions {
  baseUrl?: string;
  timeoutMs?: number;
}

/** A failed call to another service; its status is the remote one. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly url: string,
  ) {
    super(`${url} answered ${status}`);
    this.name = 'HttpError';
  }
}

/**
 * A JSON fetch with a timeout. Unreachable services become `ServiceUnavailableError`;
 * non-2xx answers become `HttpError`.
 *
 * @example
 * const user = await http.request<User>('GET', `/users/${id}`);
 */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions = {}) {}

  async request<T>(method: string, url: string, body?: unknown): Promise<T> {
    const target = new URL(url, this.options.baseUrl).toString();
    let response: Response;
    try {
      response = await fetch(target, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
    } catch (error) {
      throw new ServiceUnavailableError(`${target} is unreachable.`, { cause: error });
    }
    if (!response.ok) throw new HttpError(response.status, await response.text(), target);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}
