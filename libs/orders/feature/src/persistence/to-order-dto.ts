import type { OrderDto } from '@bookstore/shared/contracts';

import type { OrderRecord } from './order.record';

/** The API shape of an order (dates as ISO-8601). */
export function toOrderDto(order: OrderRecord): OrderDto {
  return {
    id: order.id,
    userId: order.userId,
    status: order.status,
    items: order.items,
    totalCents: order.totalCents,
    ...(order.reason ? { reason: order.reason } : {}),
    statusHistory: order.statusHistory.map((entry) => ({
      status: entry.status,
      at: new Date(entry.at).toISOString(),
      ...(entry.reason ? { reason: entry.reason } : {}),
    })),
    createdAt: new Date(order.createdAt).toISOString(),
    updatedAt: new Date(order.updatedAt).toISOString(),
  };
}
