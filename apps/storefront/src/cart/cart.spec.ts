import type { CartLine } from './cart';
import {
  addToCart,
  itemCount,
  MAX_LINE_QUANTITY,
  orderItems,
  parseCart,
  removeFromCart,
  setQuantity,
  totalCents,
} from './cart';

const dune: CartLine = { bookId: 'a', title: 'Dune', author: 'Herbert', unitPriceCents: 999, quantity: 1 };
const emma: CartLine = { bookId: 'b', title: 'Emma', author: 'Austen', unitPriceCents: 550, quantity: 2 };

describe('cart maths', () => {
  it('adds lines and merges copies of the same book', () => {
    const cart = addToCart(addToCart(addToCart([], dune), emma), { ...dune, quantity: 2 });
    expect(cart.map((l) => [l.bookId, l.quantity])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect(itemCount(cart)).toBe(5);
    expect(totalCents(cart)).toBe(3 * 999 + 2 * 550);
  });

  it('keeps the latest title and price seen for a merged line', () => {
    const cart = addToCart([dune], { ...dune, unitPriceCents: 1099, quantity: 1 });
    expect(cart[0]).toMatchObject({ quantity: 2, unitPriceCents: 1099 });
  });

  it('caps a line at what the API accepts and drops non-positive quantities', () => {
    expect(addToCart([], { ...dune, quantity: 500 })[0]?.quantity).toBe(MAX_LINE_QUANTITY);
    expect(addToCart([], { ...dune, quantity: 0 })).toEqual([]);
    expect(setQuantity([dune, emma], 'a', 0)).toEqual([emma]);
    expect(setQuantity([dune], 'a', 2.7)[0]?.quantity).toBe(2);
  });

  it('removes a line', () => {
    expect(removeFromCart([dune, emma], 'a')).toEqual([emma]);
  });

  it('turns the cart into the body of POST /orders', () => {
    expect(orderItems([dune, emma])).toEqual([
      { bookId: 'a', quantity: 1 },
      { bookId: 'b', quantity: 2 },
    ]);
  });

  it('reads a stored cart and drops anything malformed', () => {
    expect(parseCart(JSON.stringify([dune, { bookId: 1 }, { ...emma, quantity: -3 }]))).toEqual([dune]);
    expect(parseCart('not json')).toEqual([]);
    expect(parseCart('{"a":1}')).toEqual([]);
    expect(parseCart(null)).toEqual([]);
  });
});
