/** One line of the cart: what is needed to show it and to order it. */
export interface CartLine {
  bookId: string;
  title: string;
  author: string;
  unitPriceCents: number;
  quantity: number;
}

/** The cart: lines in the order they were added. */
export type Cart = readonly CartLine[];

/** The most of one book the API accepts in a line (libs/shared/contracts OrderLineInputDto). */
export const MAX_LINE_QUANTITY = 100;

function clampQuantity(quantity: number): number {
  return Math.min(MAX_LINE_QUANTITY, Math.max(0, Math.floor(quantity)));
}

/** Adds `quantity` copies of a book (merging with its line if there is one). */
export function addToCart(cart: Cart, line: CartLine): Cart {
  const existing = cart.find((l) => l.bookId === line.bookId);
  if (!existing) {
    const quantity = clampQuantity(line.quantity);
    return quantity > 0 ? [...cart, { ...line, quantity }] : cart;
  }
  return setQuantity(
    cart.map((l) => (l.bookId === line.bookId ? { ...l, ...line, quantity: l.quantity } : l)),
    line.bookId,
    existing.quantity + line.quantity,
  );
}

/** Sets a line's quantity; 0 or less removes it. */
export function setQuantity(cart: Cart, bookId: string, quantity: number): Cart {
  const next = clampQuantity(quantity);
  if (next === 0) return removeFromCart(cart, bookId);
  return cart.map((l) => (l.bookId === bookId ? { ...l, quantity: next } : l));
}

/** The cart without that book. */
export function removeFromCart(cart: Cart, bookId: string): Cart {
  return cart.filter((l) => l.bookId !== bookId);
}

/** How many copies in all (the header's count). */
export function itemCount(cart: Cart): number {
  return cart.reduce((sum, l) => sum + l.quantity, 0);
}

/** A line's total in cents. */
export function lineTotalCents(line: CartLine): number {
  return line.unitPriceCents * line.quantity;
}

/** The cart's total in cents (at the prices seen when adding; the order states the final ones). */
export function totalCents(cart: Cart): number {
  return cart.reduce((sum, l) => sum + lineTotalCents(l), 0);
}

/** The body of POST /orders for this cart. */
export function orderItems(cart: Cart): { bookId: string; quantity: number }[] {
  return cart.map(({ bookId, quantity }) => ({ bookId, quantity }));
}

/** Reads a stored cart, dropping anything malformed (storage is user-editable). */
export function parseCart(json: string | null): Cart {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value
      .filter(isCartLine)
      .map((l) => ({ ...l, quantity: clampQuantity(l.quantity) }))
      .filter((l) => l.quantity > 0);
  } catch {
    return [];
  }
}

function isCartLine(value: unknown): value is CartLine {
  if (typeof value !== 'object' || value === null) return false;
  const l = value as Record<string, unknown>;
  return (
    typeof l['bookId'] === 'string' &&
    typeof l['title'] === 'string' &&
    typeof l['author'] === 'string' &&
    Number.isInteger(l['unitPriceCents']) &&
    Number.isInteger(l['quantity'])
  );
}
