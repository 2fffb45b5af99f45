import { ApiError, apiErrorFromResponse, networkError } from './api-error';
import type { QueryParams } from './query-string';
import { toQueryString } from './query-string';

/** Where the client gets its bearer token, and how it renews it once it is refused. */
export interface TokenSource {
  /** The current access token, if any. */
  accessToken(): string | undefined;
  /** Renews the token pair (single-flight); resolves true when a fresh access token is ready. */
  refresh(): Promise<boolean>;
}

/** One call to the public API. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  query?: QueryParams;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the bearer token and renew it once on a 401 (default true). */
  auth?: boolean;
  /** The Accept header (default JSON). */
  accept?: string;
}

/**
 * The storefront's only way to the backend: the public API under /api/v1 of the gateway that
 * served the page. JSON in and out, the bearer token on every call, one silent token refresh on a
 * 401 and then one retry, and every failure turned into an ApiError with a readable message.
 */
export class ApiClient {
  private tokens?: TokenSource;

  constructor(private readonly baseUrl: string) {}

  /** Wires the session's tokens in (the session itself calls the API, hence not a constructor argument). */
  useTokens(tokens: TokenSource): void {
    this.tokens = tokens;
  }

  get<T>(path: string, query?: QueryParams, signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { query, signal });
  }

  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return this.request<T>(path, { method: 'POST', body, headers });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>(path, { method: 'PATCH', body });
  }

  delete<T = void>(path: string): Promise<T> {
    return this.request<T>(path, { method: 'DELETE' });
  }

  /** A JSON call: resolves the parsed body (undefined for 204), rejects with an ApiError. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.open(path, options);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      // Not the API answering (a proxy's page, a truncated body): say so rather than throw a SyntaxError.
      throw new ApiError(
        'The store sent an answer this page cannot read. Please try again.',
        response.status,
        response.headers.get('x-correlation-id') ?? undefined,
      );
    }
  }

  /** The raw successful response (for streams); an ApiError for anything else. */
  async open(path: string, options: RequestOptions = {}): Promise<Response> {
    const auth = options.auth ?? true;
    let response = await this.send(path, options, auth);
    if (response.status === 401 && auth && this.tokens && (await this.tokens.refresh())) {
      response = await this.send(path, options, auth);
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  private async send(path: string, options: RequestOptions, auth: boolean): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: options.accept ?? 'application/json',
      ...options.headers,
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const token = auth ? this.tokens?.accessToken() : undefined;
    if (token) headers['Authorization'] = `Bearer ${token}`;
    try {
      return await fetch(`${this.baseUrl}${path}${toQueryString(options.query ?? {})}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      // An abort is the caller's own doing: pass it on as it is, so callers can ignore it.
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkError(error);
    }
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return apiErrorFromResponse(response.status, body, response.headers.get('x-correlation-id') ?? undefined);
}

/** True for the AbortError a cancelled fetch rejects with (a page left before its data came). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The one client of the app: same-origin /api/v1 (the gateway in production, Vite's proxy in development). */
export const api = new ApiClient('/api/v1');

export { ApiError };
