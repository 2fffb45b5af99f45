/** The `Idempotency-Key` header: 1 to 128 printable ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7E]{1,128}$/;

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** True when `key` is acceptable as an `Idempotency-Key`. */
export function isValidIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(key);
}
