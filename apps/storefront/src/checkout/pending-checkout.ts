/**
 * The checkout in progress: the Idempotency-Key sent with POST /orders and the exact items it was
 * for. Kept (in localStorage) until the order is placed, so a double click, a retry after a network
 * error or a reload in between sends the SAME key and the API returns the first order instead of
 * buying twice. A different cart gets a new key (the API answers 422 to a key reused for another body).
 */
export interface PendingCheckout {
  key: string;
  signature: string;
}

/** The items of an order as one comparable string (order of lines matters not). */
export function itemsSignature(items: readonly { bookId: string; quantity: number }[]): string {
  return [...items]
    .sort((a, b) => a.bookId.localeCompare(b.bookId))
    .map((item) => `${item.bookId}x${item.quantity}`)
    .join(',');
}

/** The checkout to send: the pending one when it is for these items, else a new one with `newKey()`. */
export function checkoutFor(
  pending: PendingCheckout | undefined,
  items: readonly { bookId: string; quantity: number }[],
  newKey: () => string,
): PendingCheckout {
  const signature = itemsSignature(items);
  return pending?.signature === signature ? pending : { key: newKey(), signature };
}

/** Reads a stored pending checkout, ignoring anything malformed. */
export function parsePendingCheckout(json: string | null): PendingCheckout | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<PendingCheckout> | null;
    return typeof value?.key === 'string' && typeof value.signature === 'string'
      ? { key: value.key, signature: value.signature }
      : undefined;
  } catch {
    return undefined;
  }
}
