/**
 * What makes a secret unfit for production. Each check answers the broken rule (never the value),
 * or null when the secret passes; config validation turns the rule into the start-up message.
 */

/** Words that mark a value someone meant to replace (`REPLACE_ME`, `changeme`, `ChangeMe123!`…). */
const PLACEHOLDER =
  /replace[\W_]*me|change[\W_]*(me|it)|placeholder|your[\W_]*(password|secret)|^todo$|^tbd$|^x{3,}$|^<.*>$/i;

/**
 * The most common passwords of the public breach lists, lower-cased, letters and digits only. A
 * password is refused when it is one of them once case, digits and symbols around it are dropped
 * (`Password123!` is `password`).
 */
const COMMON = new Set([
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'iloveyou',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'master',
  'shadow',
  'superman',
  'trustno',
  'abc',
  'abcdef',
  'login',
  'secret',
  'root',
  'default',
  'guest',
  'test',
  'bookstore',
  'starwars',
  'whatever',
  'freedom',
  'hello',
  'changeme',
  'asdf',
  'asdfgh',
  'zxcvbn',
  'azerty',
]);

/** The smallest production password, and how many kinds of character (a-z, A-Z, 0-9, other) it mixes. */
export const MIN_SECRET_LENGTH = 12;
export const MIN_CHARACTER_KINDS = 3;
const MIN_DISTINCT_CHARACTERS = 6;

/** The rule `value` breaks as a placeholder (meant to be replaced before going live), or null. */
export function placeholderRule(value: string): string | null {
  return PLACEHOLDER.test(value.trim())
    ? 'must not be a placeholder or documented default (REPLACE_ME, changeme, ChangeMe123!…)'
    : null;
}

/** The rule `password` breaks as a production password, or null; `identity` (e.g. the e-mail) must not be it. */
export function weakPasswordRule(password: string, identity?: string): string | null {
  const placeholder = placeholderRule(password);
  if (placeholder) return placeholder;
  if (password.length < MIN_SECRET_LENGTH) return `must be at least ${MIN_SECRET_LENGTH} characters long`;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((kind) => kind.test(password)).length;
  if (kinds < MIN_CHARACTER_KINDS || new Set(password).size < MIN_DISTINCT_CHARACTERS)
    return `must mix at least ${MIN_CHARACTER_KINDS} kinds of character (lower case, upper case, digits, symbols) and repeat few`;
  const core = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (COMMON.has(core.replace(/[^a-z0-9]/g, '')) || COMMON.has(password.toLowerCase()))
    return 'must not be one of the most common passwords';
  if (identity) {
    const lower = identity.toLowerCase();
    const local = lower.split('@')[0];
    if (password.toLowerCase() === lower || (local.length >= 4 && password.toLowerCase().includes(local)))
      return 'must not be or contain the account name';
  }
  return null;
}

/** Well-known credentials that servers ship with and that must not reach production. */
const DEFAULT_CREDENTIALS = new Set(['guest:guest', 'admin:admin', 'user:password', 'root:root']);

/** The rule a connection URL's credentials break in production (placeholder or shipped default), or null. */
export function urlCredentialsRule(url: string): string | null {
  // A regular expression, not `new URL`: MongoDB's multi-host URLs are no WHATWG URLs.
  const credentials = /^[a-z][a-z0-9+.-]*:\/\/([^:@/]*):([^@/]*)@/i.exec(url.trim());
  if (!credentials) return null;
  const [user, password] = credentials.slice(1).map(decodeSafely);
  if (placeholderRule(password) || (user && placeholderRule(user)))
    return 'must not carry a placeholder password (REPLACE_ME, changeme…)';
  if (DEFAULT_CREDENTIALS.has(`${user}:${password}`.toLowerCase()))
    return 'must not use a server’s default credentials (such as RabbitMQ’s guest user)';
  return null;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True when `url` parses as a URL of one of `protocols` with a host and, if given, a port in 1-65535. */
export function isConnectionUrl(url: string, protocols: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return (
      protocols.includes(parsed.protocol.replace(/:$/, '')) &&
      parsed.hostname !== '' &&
      (parsed.port === '' || Number(parsed.port) > 0)
    );
  } catch {
    return false;
  }
}
