import { DomainError, OrderStatus } from '@bookstore/shared/contracts';

import { assertManualTransition, assertTransition, canTransition, isFinal } from './order-state-machine';

const ALL = Object.values(OrderStatus);
const ALLOWED: [OrderStatus, OrderStatus][] = [
  [OrderStatus.Pending, OrderStatus.Confirmed],
  [OrderStatus.Pending, OrderStatus.Rejected],
  [OrderStatus.Pending, OrderStatus.Cancelled],
  [OrderStatus.Confirmed, OrderStatus.Cancelled],
  [OrderStatus.Confirmed, OrderStatus.Shipped],
  [OrderStatus.Shipped, OrderStatus.Delivered],
];
const isAllowed = (from: OrderStatus, to: OrderStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const FORBIDDEN = ALL.flatMap((from) => ALL.map((to) => [from, to] as [OrderStatus, OrderStatus])).filter(
  ([from, to]) => !isAllowed(from, to),
);

function codeOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('order state machine', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(FORBIDDEN)('forbids %s → %s with a 409 code', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const expected = to === OrderStatus.Cancelled ? 'ORDER.NOT_CANCELLABLE' : 'ORDER.INVALID_TRANSITION';
    expect(codeOf(() => assertTransition(from, to))).toBe(expected);
  });

  it('covers all 36 pairs', () => {
    expect(ALLOWED.length + FORBIDDEN.length).toBe(ALL.length * ALL.length);
  });

  it('lets an admin set only SHIPPED and DELIVERED, in order', () => {
    expect(() => assertManualTransition(OrderStatus.Confirmed, OrderStatus.Shipped)).not.toThrow();
    expect(() => assertManualTransition(OrderStatus.Shipped, OrderStatus.Delivered)).not.toThrow();
    expect(codeOf(() => assertManualTransition(OrderStatus.Confirmed, OrderStatus.Delivered))).toBe(
      'ORDER.INVALID_TRANSITION',
    );
    expect(codeOf(() => assertManualTransition(OrderStatus.Pending, OrderStatus.Confirmed))).toBe(
      'ORDER.INVALID_TRANSITION',
    );
    expect(codeOf(() => assertManualTransition(OrderStatus.Confirmed, OrderStatus.Cancelled))).toBe(
      'ORDER.INVALID_TRANSITION',
    );
    expect(codeOf(() => assertManualTransition(OrderStatus.Pending, OrderStatus.Shipped))).toBe(
      'ORDER.INVALID_TRANSITION',
    );
  });

  it('knows the final statuses', () => {
    expect(ALL.filter(isFinal).sort()).toEqual(
      [OrderStatus.Cancelled, OrderStatus.Delivered, OrderStatus.Rejected].sort(),
    );
  });
});
