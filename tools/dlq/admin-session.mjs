// An admin's session on the gateway for the shell tools: logs in once with ADMIN_EMAIL and
// ADMIN_PASSWORD (the services' documented defaults when unset) and sends requests with the token.

const DEFAULT_ADMIN_EMAIL = 'admin@bookstore.local';
const DEFAULT_ADMIN_PASSWORD = 'ChangeMe123!';

/** The gateway's base URL: GATEWAY_URL, else localhost on GATEWAY_PORT (3000). */
export function gatewayUrl(env = process.env) {
  return (env.GATEWAY_URL ?? `http://127.0.0.1:${env.GATEWAY_PORT ?? 3000}`).replace(/\/+$/, '');
}

/** Logs in as the admin; `call(method, path)` answers the parsed body or throws with the error's message. */
export async function adminSession(env = process.env) {
  const base = gatewayUrl(env);
  const login = await request(base, 'POST', '/api/v1/auth/login', undefined, {
    email: env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD ?? DEFAULT_ADMIN_PASSWORD,
  });
  return { call: (method, path) => request(base, method, path, login.accessToken) };
}

async function request(base, method, path, token, body) {
  let response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new Error(`gateway ${base} unreachable (${error.cause?.code ?? error.message})`);
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const message = Array.isArray(parsed?.message) ? parsed.message.join('; ') : parsed?.message;
    throw new Error(`${method} ${path}: ${response.status} ${message ?? response.statusText}`);
  }
  return parsed;
}
