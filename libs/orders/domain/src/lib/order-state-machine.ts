import { OrderStatus } from '@bookstore/shared/contracts';

import { invalidOrderTransition, orderNotCancellable } from './order-errors';

/**
 * The one place that knows how an order may move. Everything else (saga handlers, cancel, the
 * admin status route) asks here and then writes conditionally on the status it read, so a
 * concurrent change or a redelivered event can never apply a move twice.
 */
const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  [OrderStatus.Pending]: [OrderStatus.Confirmed, OrderStatus.Rejected, OrderStatus.Cancelled],
  [OrderStatus.Confirmed]: [OrderStatus.Cancelled, OrderStatus.Shipped],
  [OrderStatus.Shipped]: [OrderStatus.Delivered],
  [OrderStatus.Delivered]: [],
  [OrderStatus.Rejected]: [],
  [OrderStatus.Cancelled]: [],
};

/** The statuses an admin may set by hand (`PATCH /orders/:id/status`). */
export const MANUAL_STATUSES: readonly OrderStatus[] = [OrderStatus.Shipped, OrderStatus.Delivered];

/** True when an order in `from` may move to `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

/** Throws `ORDER.NOT_CANCELLABLE` / `ORDER.INVALID_TRANSITION` (409) unless `from → to` is allowed. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (canTransition(from, to)) return;
  throw to === OrderStatus.Cancelled ? orderNotCancellable(from) : invalidOrderTransition(from, to);
}

/** Like `assertTransition`, and only to a status an admin may set by hand. */
export function assertManualTransition(from: OrderStatus, to: OrderStatus): void {
  if (!MANUAL_STATUSES.includes(to)) {
    throw invalidOrderTransition(from, to, `The status ${to} cannot be set by hand`);
  }
  assertTransition(from, to);
}

/** True when nothing can happen to the order any more. */
export function isFinal(status: OrderStatus): boolean {
  return NEXT[status].length === 0;
}
