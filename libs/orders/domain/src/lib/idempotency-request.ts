import { createHash } from 'node:crypto';

import type { RequestedLine } from './order-pricing';

/**
 * The identity of an `Idempotency-Key`: keys are scoped per user, so two users' equal keys are
 * two keys. Hashed, so the stored id has one length whatever the client sent (the user id is 24
 * hex characters and a key is printable ASCII: the newline between them is unambiguous).
 */
export function idempotencyKeyId(userId: string, key: string): string {
  return sha256(`POST /orders\n${userId}\n${key}`);
}

/**
 * The hash a key is bound to: the validated body of `POST /orders`, canonical. The lines are
 * sorted by book id, lower-cased as the catalog reads it (a book appears once per order, so the
 * sort is total): the same lines in
 * another order ask for the same thing, and a client that rebuilds its cart from a set must not
 * get a 422 for it. Quantities are part of it; titles and prices are not (the catalog's, not the
 * client's).
 */
export function placeOrderRequestHash(items: readonly RequestedLine[]): string {
  const lines = items
    .map(({ bookId, quantity }) => [bookId.toLowerCase(), quantity] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256(JSON.stringify({ route: 'POST /orders', lines }));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
