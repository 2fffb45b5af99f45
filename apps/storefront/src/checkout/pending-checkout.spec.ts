import { checkoutFor, itemsSignature, parsePendingCheckout } from './pending-checkout';

describe('pending checkout', () => {
  const items = [
    { bookId: 'b', quantity: 1 },
    { bookId: 'a', quantity: 2 },
  ];
  let n = 0;
  const newKey = () => `key-${++n}`;

  it('keeps the same Idempotency-Key for the same items (retry, double click, reload)', () => {
    const first = checkoutFor(undefined, items, newKey);
    const again = checkoutFor(first, [...items].reverse(), newKey);
    expect(again.key).toBe(first.key);
  });

  it('takes a new key when the items differ (the API refuses a key reused for another body)', () => {
    const first = checkoutFor(undefined, items, newKey);
    const changed = checkoutFor(first, [{ bookId: 'a', quantity: 3 }], newKey);
    expect(changed.key).not.toBe(first.key);
    expect(changed.signature).toBe(itemsSignature([{ bookId: 'a', quantity: 3 }]));
  });

  it('reads a stored checkout and ignores anything malformed', () => {
    expect(parsePendingCheckout('{"key":"k","signature":"s"}')).toEqual({ key: 'k', signature: 's' });
    expect(parsePendingCheckout('{"key":1}')).toBeUndefined();
    expect(parsePendingCheckout('null')).toBeUndefined();
    expect(parsePendingCheckout('nope')).toBeUndefined();
    expect(parsePendingCheckout(null)).toBeUndefined();
  });
});
