// Types only, like api/types.ts: the DTO classes' decorators never reach the browser bundle.
import type { DeadLetterDto } from '@bookstore/shared/contracts';

import { api } from '../../api/api-client';
import type { Book, Order, OrderStatusName, Page } from '../../api/types';

/** What the book form sends: every field of a book but its stock, which only the stock route changes. */
export interface BookFields {
  title: string;
  author: string;
  isbn: string;
  description?: string;
  genres: string[];
  priceCents: number;
}

/** A parked event as `GET /admin/dead-letters` lists it. */
export type DeadLetter = DeadLetterDto;

/** The statuses staff move an order to, from the one before (shared/API.md: CONFIRMED → SHIPPED → DELIVERED). */
export const NEXT_STATUS: Partial<Record<OrderStatusName, OrderStatusName>> = {
  CONFIRMED: 'SHIPPED',
  SHIPPED: 'DELIVERED',
};

/** The admin routes of the public API the staff pages use (shared/API.md: Catalog, Orders, dead letters). */
export const staffApi = {
  createBook: (fields: BookFields & { stock: number }) => api.post<Book>('/books', fields),
  updateBook: (id: string, fields: BookFields) => api.patch<Book>(`/books/${encodeURIComponent(id)}`, fields),
  /** A restock (delta > 0) or a write-off (delta < 0). */
  adjustStock: (id: string, delta: number) =>
    api.post<Book>(`/books/${encodeURIComponent(id)}/stock`, { delta }),
  /** Every user's orders (the admin's view of GET /orders). */
  orders: (query: { page?: number; limit?: number; status?: OrderStatusName }, signal?: AbortSignal) =>
    api.get<Page<Order>>('/orders', { ...query }, signal),
  setOrderStatus: (id: string, status: OrderStatusName) =>
    api.patch<Order>(`/orders/${encodeURIComponent(id)}/status`, { status }),
  deadLetters: (query: { page?: number; limit?: number; queue?: string }, signal?: AbortSignal) =>
    api.get<Page<DeadLetter>>('/admin/dead-letters', { ...query }, signal),
  replayDeadLetter: (id: string) => api.post<unknown>(`/admin/dead-letters/${encodeURIComponent(id)}/replay`),
  dropDeadLetter: (id: string) => api.delete(`/admin/dead-letters/${encodeURIComponent(id)}`),
};
