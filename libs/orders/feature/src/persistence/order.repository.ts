import type { EventEnvelope, OrderStatus } from '@bookstore/shared/contracts';

import type { OrderRecord, StatusChangeRecord } from './order.record';

/** What a new order is stored with; `id` is chosen beforehand so events can name it. */
export interface NewOrder extends Omit<OrderRecord, 'createdAt' | 'updatedAt'> {
  idempotencyKey: string;
  outbox: EventEnvelope[];
}

export interface OrderFilter {
  userId?: string;
  status?: OrderStatus;
}

/** Thrown by `insert` when the user already has an order under that idempotency key. */
export class DuplicateIdempotencyKeyError extends Error {
  constructor() {
    super('duplicate idempotency key');
    this.name = 'DuplicateIdempotencyKeyError';
  }
}

/** The port to the orders collection: every write is one single-document operation. */
export interface OrderRepository {
  /** Stores the order with its outbox in one insert. */
  insert(order: NewOrder): Promise<OrderRecord>;
  findById(id: string): Promise<OrderRecord | null>;
  findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<OrderRecord | null>;
  list(filter: OrderFilter, page: number, limit: number): Promise<{ items: OrderRecord[]; total: number }>;
  /**
   * Moves the order to `change.status` only if it is still `from`, appending the history entry
   * and the event in the same update. Null when the order is not (or no longer) in `from`.
   */
  transition(
    id: string,
    from: OrderStatus,
    change: StatusChangeRecord,
    event: EventEnvelope,
  ): Promise<OrderRecord | null>;
}
