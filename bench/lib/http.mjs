// HTTP calls of the harnesses: JSON in and out, a hard time bound on every request, and a record
// of how long each took. Never throws for an HTTP status; a timeout or socket error is status 0.
import { gatewayUrl } from './sandbox.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One request to the gateway (`baseUrl`: another gateway replica): { status, body, ms, error?,
 * code?, timedOut? }; `code` is the socket error's (ECONNREFUSED: the request never reached a server).
 */
export async function call(
  method,
  path,
  { token, body, headers = {}, timeoutMs = 10_000, baseUrl = gatewayUrl() } = {},
) {
  const init = { method, headers: { ...headers }, signal: AbortSignal.timeout(timeoutMs) };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const t0 = performance.now();
  try {
    const res = await fetch(`${baseUrl}${path}`, init);
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers, ms: performance.now() - t0 };
  } catch (error) {
    const timedOut = error?.name === 'TimeoutError' || error?.name === 'AbortError';
    const code = error?.cause?.code;
    return { status: 0, body: undefined, ms: performance.now() - t0, error: String(error), code, timedOut };
  }
}

/**
 * For set-up calls only: retries 429 (after Retry-After), 502-504 and network errors a few times,
 * so a busy machine or a rate limit does not abort a whole run. Returns the last response.
 */
export async function callPatiently(method, path, options = {}, attempts = 8) {
  let res;
  for (let i = 0; i < attempts; i++) {
    res = await call(method, path, options);
    const retriable = res.status === 0 || res.status === 429 || (res.status >= 502 && res.status <= 504);
    if (!retriable) return res;
    const retryAfter = Number(res.headers?.get('retry-after'));
    await sleep(
      Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) * 1000 : 500 * (i + 1),
    );
  }
  return res;
}

/** Throws with the response when the status is not the expected one. */
export function expectStatus(res, expected, what) {
  if (res.status !== expected) {
    const detail = res.error ?? JSON.stringify(res.body)?.slice(0, 300);
    throw new Error(`${what}: expected ${expected}, got ${res.status} ${detail}`);
  }
  return res.body;
}

/** Runs fn over items with at most `limit` in flight; results keep the items' order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export { sleep };
