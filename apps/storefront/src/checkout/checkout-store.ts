import type { PendingCheckout } from './pending-checkout';
import { checkoutFor, parsePendingCheckout } from './pending-checkout';

const PENDING_CHECKOUT_KEY = 'bookstore.pendingCheckout';

/** The pending checkout for these items, created and stored when there is none for them yet. */
export function beginCheckout(items: readonly { bookId: string; quantity: number }[]): PendingCheckout {
  const stored = parsePendingCheckout(localStorage.getItem(PENDING_CHECKOUT_KEY));
  const pending = checkoutFor(stored, items, newIdempotencyKey);
  localStorage.setItem(PENDING_CHECKOUT_KEY, JSON.stringify(pending));
  return pending;
}

/** Forgets the pending checkout once its order exists. */
export function endCheckout(): void {
  localStorage.removeItem(PENDING_CHECKOUT_KEY);
}

/** 128 random bits as hex (getRandomValues works on plain http too, unlike randomUUID). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
