import { createHash } from 'node:crypto';

/**
 * The identity of an admin's `Idempotency-Key` on `POST /books/:id/stock`. Keys are scoped per
 * user, as everywhere; hashed, so a stored entry has one size whatever the key's length (the user
 * id is 24 hex characters and a key printable ASCII: the newline between them is unambiguous).
 */
export function stockAdjustmentKeyId(userId: string, key: string): string {
  return createHash('sha256').update(`POST /books/:id/stock\n${userId}\n${key}`).digest('hex');
}
