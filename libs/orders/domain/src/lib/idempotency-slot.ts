/**
 * The value stored in an order's `idempotencyKey`, under a unique index on `{userId, idempotencyKey}`.
 * A plain unique index works on every MongoDB-compatible server (FerretDB 1.x had no partial ones),
 * and a sparse compound index would still index every order
 * without a key as `null` (userId is always there), so each order gets a slot: the client's key
 * when it sent one, else a synthetic value unique to the order. The prefixes keep the two spaces
 * apart, so no client key can collide with a synthetic one.
 */
export function idempotencySlot(orderId: string, key?: string): string {
  return key === undefined ? `order:${orderId}` : `key:${key}`;
}

/** The slot to look for when a client repeats a request with `key`. */
export function clientIdempotencySlot(key: string): string {
  return `key:${key}`;
}
