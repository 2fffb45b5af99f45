/**
 * MongoDB driver errors that say the server could not be reached or no primary could be chosen (a
 * primary election, a restart), not that the operation is wrong.
 */
const UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoTopologyClosedError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoWriteConcernError',
  // ioredis: its queue of commands gave up while Redis was unreachable.
  'MaxRetriesPerRequestError',
  // rxjs: a bounded wait ran out.
  'TimeoutError',
]);

/** Socket and DNS codes (Node, nodemailer's SMTP transport, amqplib). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
]);

/**
 * MongoDB server codes of a node that cannot take the write right now: not primary, stepping down,
 * shutting down, host unreachable, network timeout.
 */
const UNAVAILABLE_SERVER_CODES = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436]);

/** Messages of clients that report an outage without a code (ioredis, amqp-connection-manager). */
const UNAVAILABLE_MESSAGE =
  /connection is closed|stream isn't writeable|channel (closed|ended)|not connected/i;

/**
 * Whether a handler failed because something it depends on is unavailable (MongoDB down or electing
 * a primary, the broker, Redis or SMTP unreachable, a timeout) rather than because of the message.
 * Such a failure does not spend one of the message's attempts: the message waits and is tried again
 * for as long as the outage lasts, and never reaches the dead-letter queue for it. Errors are
 * matched by class name, code and labels (not `instanceof`: the drivers live in other libs), along
 * the `cause` chain.
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { name, code, message, cause } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (typeof code === 'number' && name !== undefined && String(name).startsWith('Mongo')) {
    if (UNAVAILABLE_SERVER_CODES.has(code)) return true;
  }
  if (hasLabel(error, 'RetryableWriteError') || hasLabel(error, 'ResetPool')) return true;
  // The shared error shape of a request that timed out or found its service unavailable.
  if ((error as { kind?: unknown }).kind === 'unavailable') return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  return isUnavailable(cause, depth + 1);
}

function hasLabel(error: object, label: string): boolean {
  const check = (error as { hasErrorLabel?: unknown }).hasErrorLabel;
  return typeof check === 'function' && Boolean(check.call(error, label));
}
