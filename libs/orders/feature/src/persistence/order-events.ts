import type {
  EventEnvelope,
  OrderCreatedPayload,
  OrderStatusChangedPayload,
} from '@bookstore/shared/contracts';
import {
  ORDER_CANCELLED,
  ORDER_CONFIRMED,
  ORDER_CREATED,
  ORDER_DELIVERED,
  ORDER_REJECTED,
  ORDER_SHIPPED,
  OrderStatus,
} from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';

import type { NewOrder, OrderRecord } from './order.record';

/** The event each reachable status announces. */
export const EVENT_OF_STATUS = {
  [OrderStatus.Confirmed]: ORDER_CONFIRMED,
  [OrderStatus.Rejected]: ORDER_REJECTED,
  [OrderStatus.Cancelled]: ORDER_CANCELLED,
  [OrderStatus.Shipped]: ORDER_SHIPPED,
  [OrderStatus.Delivered]: ORDER_DELIVERED,
} as const;

export type ReachableStatus = keyof typeof EVENT_OF_STATUS;

/** `order.created`, which starts the saga (the catalog reserves on it). */
export function orderCreated(order: NewOrder): EventEnvelope<OrderCreatedPayload> {
  return createEnvelope(ORDER_CREATED, {
    orderId: order.id,
    userId: order.userId,
    items: lines(order),
    totalCents: order.totalCents,
  });
}

/** The event announcing that `order` moved to `to`. */
export function statusChanged(order: OrderRecord, to: ReachableStatus, reason?: string): EventEnvelope {
  const payload: OrderStatusChangedPayload = {
    orderId: order.id,
    userId: order.userId,
    totalCents: order.totalCents,
    items: lines(order),
    ...(reason ? { reason } : {}),
  };
  return createEnvelope(EVENT_OF_STATUS[to], payload);
}

function lines(order: Pick<OrderRecord, 'items'>) {
  return order.items.map(({ bookId, quantity, unitPriceCents }) => ({ bookId, quantity, unitPriceCents }));
}
