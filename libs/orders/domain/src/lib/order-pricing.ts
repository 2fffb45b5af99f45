import { unknownBooks } from './order-errors';

/** What the catalog says about a book when an order is placed. */
export interface BookQuote {
  id: string;
  title: string;
  priceCents: number;
}

export interface RequestedLine {
  bookId: string;
  quantity: number;
}

export interface PricedLine extends RequestedLine {
  title: string;
  unitPriceCents: number;
}

export interface PricedOrder {
  items: PricedLine[];
  totalCents: number;
}

/**
 * Snapshots title and current price of every line, in the order requested, and totals them.
 * A line whose book the catalog does not know is a 400 naming every unknown id.
 */
export function priceOrder(lines: readonly RequestedLine[], quotes: readonly BookQuote[]): PricedOrder {
  const byId = new Map(quotes.map((quote) => [quote.id, quote]));
  const unknown = lines.filter((line) => !byId.has(line.bookId)).map((line) => line.bookId);
  if (unknown.length) throw unknownBooks(unknown);
  const items = lines.map((line) => {
    const quote = byId.get(line.bookId) as BookQuote;
    return {
      bookId: line.bookId,
      quantity: line.quantity,
      title: quote.title,
      unitPriceCents: quote.priceCents,
    };
  });
  const totalCents = items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);
  return { items, totalCents };
}
