import type { OrderStatus } from '@bookstore/shared/contracts';

/** An order as the use cases see it, independent of Mongoose. */
export interface OrderRecord {
  id: string;
  userId: string;
  status: OrderStatus;
  items: { bookId: string; title: string; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  reason?: string;
  statusHistory: { status: OrderStatus; at: Date; reason?: string }[];
  createdAt: Date;
  updatedAt: Date;
}

/** A status change to append to the history. */
export interface StatusChangeRecord {
  status: OrderStatus;
  at: Date;
  reason?: string;
}
