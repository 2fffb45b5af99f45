import { clientIdempotencySlot, idempotencySlot } from './idempotency-slot';

describe('idempotency slot', () => {
  it('uses the client key when given, so a repeat finds the first order', () => {
    expect(idempotencySlot('order-1', 'abc')).toBe(clientIdempotencySlot('abc'));
    expect(idempotencySlot('order-2', 'abc')).toBe(idempotencySlot('order-1', 'abc'));
  });

  it('gives each keyless order its own slot, so the unique index never joins them', () => {
    expect(idempotencySlot('order-1')).not.toBe(idempotencySlot('order-2'));
  });

  it('never lets a client key collide with a synthetic slot', () => {
    expect(idempotencySlot('x', 'order:y')).not.toBe(idempotencySlot('y'));
    expect(clientIdempotencySlot('order:y')).not.toBe(idempotencySlot('y'));
  });
});
