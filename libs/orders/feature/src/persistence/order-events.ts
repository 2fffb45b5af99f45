import type { OrderStatusChangedPayload } from '@bookstore/shared/contracts';
import {
  ORDER_CANCELLED,
  ORDER_CONFIRMED,
  ORDER_DELIVERED,
  ORDER_REJECTED,
  ORDER_SHIPPED,
  OrderStatus,
} from '@bookstore/shared/contracts';

import type { OrderRecord } from '../persistence/order.record';

/** The event each reachable status announces. */
export const EVENT_OF_STATUS = {
  [OrderStatus.Confirmed]: ORDER_CONFIRMED,
  [OrderStatus.Rejected]: ORDER_REJECTED,
  [OrderStatus.Cancelled]: ORDER_CANCELLED,
  [OrderStatus.Shipped]: ORDER_SHIPPED,
  [OrderStatus.Delivered]: ORDER_DELIVERED,
} as const;

export type ReachableStatus = keyof typeof EVENT_OF_STATUS;

/** The payload every order status event carries. */
export function statusChangedPayload(order: OrderRecord, reason?: string): OrderStatusChangedPayload {
  return {
    orderId: order.id,
    userId: order.userId,
    totalCents: order.totalCents,
    items: order.items.map(({ bookId, quantity, unitPriceCents }) => ({ bookId, quantity, unitPriceCents })),
    ...(reason ? { reason } : {}),
  };
}
