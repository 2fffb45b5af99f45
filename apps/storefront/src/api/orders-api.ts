import { api } from './api-client';
import type { Order, OrderStatusName, Page } from './types';

/** The order routes the customer side uses (shared/API.md, Orders). */
export const ordersApi = {
  place: (items: { bookId: string; quantity: number }[], idempotencyKey: string) =>
    api.post<Order>('/orders', { items }, { 'Idempotency-Key': idempotencyKey }),
  list: (query: { page?: number; limit?: number; status?: OrderStatusName }, signal?: AbortSignal) =>
    api.get<Page<Order>>('/orders', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<Order>(`/orders/${encodeURIComponent(id)}`, undefined, signal),
  cancel: (id: string) => api.post<Order>(`/orders/${encodeURIComponent(id)}/cancel`),
};

/** Statuses from which the owner may still cancel (shared/API.md: from PENDING or CONFIRMED). */
export function isCancellable(order: Pick<Order, 'status'>): boolean {
  return order.status === 'PENDING' || order.status === 'CONFIRMED';
}

/** Why an order was rejected or cancelled: its own reason, else the latest one in its history. */
export function reasonOf(order: Order): string | undefined {
  if (order.reason) return order.reason;
  const entries = order.statusHistory ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const reason = entries[i]?.reason;
    if (reason) return reason;
  }
  return undefined;
}

/** A reason as a customer reads it ('timeout' is the saga's code word). */
export function readableReason(reason: string): string {
  if (reason === 'timeout') return 'The order could not be settled in time; nothing was reserved.';
  // Book ids in brackets help support, not the customer.
  return reason.replace(/\s*\[[0-9a-f]{24}\]/g, '');
}
