import { TIMEOUT_REASON } from '@bookstore/orders/domain';
import { OrderStatus } from '@bookstore/shared/contracts';
import { metricsRegistry } from '@bookstore/shared/platform';
import { Histogram } from 'prom-client';

import type { OrderRecord } from './order.record';

/** How an order's saga ended: its first status after PENDING, a deadline rejection apart. */
export type SagaOutcome = 'confirmed' | 'rejected' | 'timed_out' | 'cancelled';

/**
 * From `order.created` (written in the same insert as the order, so its `createdAt`) to the order
 * leaving PENDING. Buckets reach past the saga deadline (15 min by default), where `timed_out`
 * lands; a healthy saga settles in well under a second.
 */
export const sagaDuration = new Histogram<'outcome'>({
  name: 'bookstore_saga_duration_seconds',
  help: 'Time from order.created to the order leaving PENDING, by outcome (confirmed, rejected, timed_out, cancelled)',
  labelNames: ['outcome'],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 1800],
  registers: [metricsRegistry],
});

/**
 * Observes the saga of an order that just left PENDING. Called once per order: the move out of
 * PENDING is one conditional update that exactly one writer wins.
 */
export function observeSagaSettled(settled: OrderRecord): void {
  const settledAt = settled.statusHistory.at(-1)?.at ?? settled.updatedAt;
  const seconds = Math.max(0, (settledAt.getTime() - settled.createdAt.getTime()) / 1000);
  sagaDuration.observe({ outcome: sagaOutcome(settled) }, seconds);
}

function sagaOutcome(order: OrderRecord): SagaOutcome {
  if (order.status === OrderStatus.Rejected && order.reason === TIMEOUT_REASON) return 'timed_out';
  if (order.status === OrderStatus.Confirmed) return 'confirmed';
  if (order.status === OrderStatus.Rejected) return 'rejected';
  return 'cancelled';
}
