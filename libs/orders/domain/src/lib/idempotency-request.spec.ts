import { idempotencyKeyId, placeOrderRequestHash } from './idempotency-request';

const A = '0123456789abcdef01234567';
const B = 'fedcba9876543210fedcba98';
const USER = 'aaaaaaaaaaaaaaaaaaaaaaaa';

describe('idempotency request', () => {
  it('scopes a key to its user', () => {
    expect(idempotencyKeyId(USER, 'k')).toBe(idempotencyKeyId(USER, 'k'));
    expect(idempotencyKeyId(USER, 'k')).not.toBe(idempotencyKeyId('bbbbbbbbbbbbbbbbbbbbbbbb', 'k'));
    expect(idempotencyKeyId(USER, 'k')).not.toBe(idempotencyKeyId(USER, 'k2'));
  });

  it('hashes the same lines in any order alike', () => {
    const one = placeOrderRequestHash([
      { bookId: A, quantity: 1 },
      { bookId: B, quantity: 2 },
    ]);
    const swapped = placeOrderRequestHash([
      { bookId: B, quantity: 2 },
      { bookId: A, quantity: 1 },
    ]);
    expect(swapped).toBe(one);
  });

  it('tells another quantity, another book or another line apart', () => {
    const base = placeOrderRequestHash([{ bookId: A, quantity: 1 }]);
    expect(placeOrderRequestHash([{ bookId: A, quantity: 2 }])).not.toBe(base);
    expect(placeOrderRequestHash([{ bookId: B, quantity: 1 }])).not.toBe(base);
    expect(
      placeOrderRequestHash([
        { bookId: A, quantity: 1 },
        { bookId: B, quantity: 1 },
      ]),
    ).not.toBe(base);
  });
});
