import { DomainError } from '@bookstore/shared/contracts';

import { priceOrder } from './order-pricing';

describe('priceOrder', () => {
  const quotes = [
    { id: 'a', title: 'Dune', priceCents: 1299 },
    { id: 'b', title: 'Emma', priceCents: 500 },
  ];

  it('snapshots title and price per line and totals them', () => {
    const priced = priceOrder(
      [
        { bookId: 'b', quantity: 3 },
        { bookId: 'a', quantity: 2 },
      ],
      quotes,
    );
    expect(priced.items).toEqual([
      { bookId: 'b', quantity: 3, title: 'Emma', unitPriceCents: 500 },
      { bookId: 'a', quantity: 2, title: 'Dune', unitPriceCents: 1299 },
    ]);
    expect(priced.totalCents).toBe(3 * 500 + 2 * 1299);
  });

  it('rejects unknown books with a validation error naming them', () => {
    expect.assertions(3);
    try {
      priceOrder(
        [
          { bookId: 'a', quantity: 1 },
          { bookId: 'zz', quantity: 1 },
        ],
        quotes,
      );
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('ORDER.UNKNOWN_BOOK');
      expect((error as DomainError).message).toContain('zz');
    }
  });
});
