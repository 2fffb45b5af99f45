import type { redactOptions } from 'pino';

/** What a redacted value is replaced with. */
export const REDACTED = '[Redacted]';

/** Keys whose whole value is a secret: credentials, every kind of token, auth headers. */
const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'resetToken',
  'verificationToken',
  'authorization',
  'cookie',
];

/** The response's cookies, under a `headers` key (the hyphen needs pino's bracket notation). */
const SET_COOKIE = 'headers["set-cookie"]';

/**
 * Keys holding connection strings: only the password in their user info is secret, so the host
 * stays in the log (a connection error says which server) and URLs without credentials pass as is.
 */
const CONNECTION_KEYS = [
  'MONGO_URL',
  'AMQP_URL',
  'REDIS_URL',
  'mongoUrl',
  'amqpUrl',
  'amqpUrls',
  'redisUrl',
  'url',
  'urls',
];

// Secrets sit at the top of a log object or nested a few levels down (a request's headers, an RPC
// message's data, a config object): pino redacts by explicit path, so each key is listed per depth.
const DEPTHS = ['', '*.', '*.*.', '*.*.*.'];

const CONNECTION_KEY_SET = new Set(CONNECTION_KEYS);

/** Every path pino redacts, e.g. `password`, `*.password`, `*.headers.authorization`. */
export const REDACTED_PATHS: readonly string[] = DEPTHS.flatMap((depth) =>
  [...SECRET_KEYS, SET_COOKIE, ...CONNECTION_KEYS].map((key) => `${depth}${key}`),
);

/** The password of a URL's user info replaced, e.g. `amqp://orders:[Redacted]@host:5672/`. */
export function maskUrlCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, `$1:${REDACTED}@`);
}

function censor(value: unknown, path: string[]): unknown {
  if (!CONNECTION_KEY_SET.has(path[path.length - 1] ?? '')) return REDACTED;
  if (typeof value === 'string') return maskUrlCredentials(value);
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? maskUrlCredentials(item) : item));
  return value;
}

/** pino's `redact` option: secrets by path, connection strings without their passwords. */
export const LOG_REDACTION: redactOptions = { paths: [...REDACTED_PATHS], censor };
