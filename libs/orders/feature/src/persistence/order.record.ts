import type { OrderStatus } from '@bookstore/shared/contracts';

import type { ReachableStatus } from './order-events';

/** An order as the use cases see it, independent of Mongoose. */
export interface OrderRecord {
  id: string;
  userId: string;
  status: OrderStatus;
  items: { bookId: string; title: string; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  reason?: string;
  statusHistory: StatusChangeRecord[];
  createdAt: Date;
  updatedAt: Date;
}

/** One entry of an order's status history. */
export interface StatusChangeRecord {
  status: OrderStatus;
  at: Date;
  reason?: string;
}

/**
 * What a new order is stored with; `id` is chosen beforehand so its events can name it (and so an
 * Idempotency-Key can name it before it exists: idempotency-key.repository.ts).
 */
export type NewOrder = Omit<OrderRecord, 'status' | 'statusHistory' | 'createdAt' | 'updatedAt'>;

export interface OrderFilter {
  userId?: string;
  status?: OrderStatus;
}

/** The move a use case decides for the order as it is now. */
export interface StatusMove {
  to: ReachableStatus;
  reason?: string;
}

/**
 * A use case's decision, asked again on the fresh order after every lost race: a move, or null
 * when there is nothing (any more) to do. It may throw a DomainError (e.g. not cancellable).
 */
export type TransitionPlan = (order: OrderRecord) => StatusMove | null;

/** What became of a plan: applied, not applicable to the order as it is, or no such order. */
export type TransitionOutcome =
  { kind: 'moved'; order: OrderRecord } | { kind: 'skipped'; order: OrderRecord } | { kind: 'missing' };
