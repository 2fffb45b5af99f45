/** A response as tests see it: status, parsed JSON body (or text), headers. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiRequest {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** Raw body, sent as is (for malformed or oversized payload tests). */
  raw?: string;
}

/** Where the gateway under test listens: GATEWAY_URL, else localhost:GATEWAY_PORT or 3000. */
export function gatewayUrl(): string {
  return process.env['GATEWAY_URL'] ?? `http://127.0.0.1:${process.env['GATEWAY_PORT'] ?? 3000}`;
}

/** Calls the gateway over real HTTP; never throws for an HTTP error status. */
export async function api<T = any>(
  method: string,
  path: string,
  request: ApiRequest = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers['authorization'] = `Bearer ${request.token}`;
  let body: string | undefined = request.raw;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
  }
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await fetch(`${gatewayUrl()}${path}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}
