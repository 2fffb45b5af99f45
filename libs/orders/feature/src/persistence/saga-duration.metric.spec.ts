import { TIMEOUT_REASON } from '@bookstore/orders/domain';
import { OrderStatus } from '@bookstore/shared/contracts';

import type { OrderRecord } from './order.record';
import { observeSagaSettled, sagaDuration } from './saga-duration.metric';

describe('observeSagaSettled', () => {
  const placed = new Date('2026-01-01T10:00:00.000Z');
  const settled = (status: OrderStatus, afterMs: number, reason?: string): OrderRecord => ({
    id: 'a'.repeat(24),
    userId: 'u1',
    status,
    reason,
    items: [],
    totalCents: 0,
    statusHistory: [
      { status: OrderStatus.Pending, at: placed },
      { status, at: new Date(placed.getTime() + afterMs), ...(reason ? { reason } : {}) },
    ],
    createdAt: placed,
    updatedAt: new Date(placed.getTime() + afterMs),
  });
  const observed = async (outcome: string) => {
    const values = (await sagaDuration.get()).values.filter((value) => value.labels['outcome'] === outcome);
    const count = values.find((value) => value.metricName?.endsWith('_count'))?.value ?? 0;
    const sum = values.find((value) => value.metricName?.endsWith('_sum'))?.value ?? 0;
    return { count, sum };
  };

  beforeEach(() => sagaDuration.reset());

  it.each([
    [OrderStatus.Confirmed, undefined, 'confirmed'],
    [OrderStatus.Rejected, 'out of stock: A', 'rejected'],
    [OrderStatus.Rejected, TIMEOUT_REASON, 'timed_out'],
    [OrderStatus.Cancelled, undefined, 'cancelled'],
  ])('observes an order settled %s (reason %s) as %s, from its creation', async (status, reason, outcome) => {
    observeSagaSettled(settled(status, 1500, reason));
    expect(await observed(outcome)).toEqual({ count: 1, sum: 1.5 });
  });
});
