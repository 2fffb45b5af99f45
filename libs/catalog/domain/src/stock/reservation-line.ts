/** One book of an order and how many units it needs. */
export interface ReservationLine {
  bookId: string;
  quantity: number;
}

/** The result of trying to take one line from stock. */
export interface LineAttempt extends ReservationLine {
  taken: boolean;
  /** Units on hand when the attempt failed (0 for an unknown or deleted book). */
  available: number;
}

/** A line that could not be reserved, as `stock.rejected` reports it. */
export interface ShortLine {
  bookId: string;
  requested: number;
  available: number;
}

/**
 * One line per book, quantities summed, in a stable order. Stock is held per (order, book), so two
 * lines of the same book must become one.
 */
export function mergeLines(items: readonly ReservationLine[]): ReservationLine[] {
  const byBook = new Map<string, number>();
  for (const item of items) byBook.set(item.bookId, (byBook.get(item.bookId) ?? 0) + item.quantity);
  return [...byBook.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([bookId, quantity]) => ({ bookId, quantity }));
}
