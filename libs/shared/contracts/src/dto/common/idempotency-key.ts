/** The longest `Idempotency-Key` accepted: room for any UUID or ULID scheme, bounded all the same. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** The `Idempotency-Key` header: 1 to 255 printable ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7E]{1,255}$/;

/** What a client is told when its `Idempotency-Key` breaks IDEMPOTENCY_KEY_PATTERN. */
export const IDEMPOTENCY_KEY_RULE = 'Idempotency-Key must be 1 to 255 printable ASCII characters';

/** The request header carrying the client's key (lower case, as Node hands headers over). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The response header that marks an answer replayed for a repeated `Idempotency-Key`. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** True when `key` is acceptable as an `Idempotency-Key`. */
export function isValidIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(key);
}

/**
 * The RPC reply of a use case that takes an `Idempotency-Key`: its answer, and whether that answer
 * is the one an earlier request with the same key produced (nothing was done again). The gateway
 * sends `result` as the body and `replayed` as the `Idempotent-Replayed` header.
 */
export interface IdempotentReply<T> {
  result: T;
  replayed: boolean;
}
