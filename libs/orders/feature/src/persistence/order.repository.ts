import { OrderStatus } from '@bookstore/shared/contracts';
import { InjectOutbox, OutboxCollection } from '@bookstore/shared/persistence';
import { Injectable } from '@nestjs/common';
import type { QueryFilter } from 'mongoose';

import type {
  NewOrder,
  OrderFilter,
  OrderRecord,
  StatusChangeRecord,
  StatusMove,
  TransitionOutcome,
  TransitionPlan,
} from './order.record';
import { Order } from './order.schema';
import { orderCreated, statusChanged } from './order-events';
import { observeSagaSettled } from './saga-duration.metric';

const PROJECTION = { outbox: 0 };
const OBJECT_ID = /^[0-9a-f]{24}$/i;
/**
 * Reads per `transition`. A lost race means another writer moved the order, and an order moves at
 * most three times in its life (PENDING → CONFIRMED → SHIPPED → DELIVERED), so the fourth read
 * always finds it where the plan either applies unopposed or has nothing left to do.
 */
const MAX_READS = 4;

type OrderDoc = Order & { _id: unknown };

/**
 * The orders collection. Every write stores the order's new state and the events it causes in ONE
 * single-document operation through its `OutboxCollection`, which hands them to the relay: use
 * cases state what happened and never see how it gets published.
 */
@Injectable()
export class OrderRepository {
  constructor(@InjectOutbox(Order.name) private readonly orders: OutboxCollection<Order>) {}

  /**
   * Stores a new order PENDING with `order.created`, in one insert. Null when an order with this
   * id exists: requests with one Idempotency-Key place one order id, and of racing inserts of it
   * the unique `_id` lets exactly one win.
   */
  async insert(order: NewOrder): Promise<OrderRecord | null> {
    const { id, ...fields } = order;
    const pending: StatusChangeRecord = { status: OrderStatus.Pending, at: new Date() };
    const created = await this.orders.insert(
      { _id: id, ...fields, status: OrderStatus.Pending, statusHistory: [pending] },
      [orderCreated(order)],
    );
    return created ? toRecord(created as OrderDoc) : null;
  }

  /** The order, or null (also for an id that cannot be an order's). */
  async findById(id: string): Promise<OrderRecord | null> {
    if (!OBJECT_ID.test(id)) return null;
    const doc = await this.orders.model.findById(id, PROJECTION).lean<OrderDoc>().exec();
    return doc ? toRecord(doc) : null;
  }

  /** One page of orders, newest first, and how many match in all. */
  async list(
    filter: OrderFilter,
    page: number,
    limit: number,
  ): Promise<{ items: OrderRecord[]; total: number }> {
    const query: QueryFilter<Order> = {};
    if (filter.userId) query.userId = filter.userId;
    if (filter.status) query.status = filter.status;
    const [docs, total] = await Promise.all([
      this.orders.model
        .find(query, PROJECTION)
        .sort({ createdAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<OrderDoc[]>()
        .exec(),
      this.orders.model.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /**
   * The oldest orders still PENDING that were placed before `placedBefore` (the saga deadline's
   * candidates), read through the `{status, createdAt}` index.
   */
  async findPendingPlacedBefore(placedBefore: Date, limit: number): Promise<OrderRecord[]> {
    const docs = await this.orders.model
      .find({ status: OrderStatus.Pending, createdAt: { $lt: placedBefore } }, PROJECTION)
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean<OrderDoc[]>()
      .exec();
    return docs.map(toRecord);
  }

  /**
   * The one way an order's status changes: read the order, let `plan` decide on it (the plan asks
   * the domain state machine), write the move conditionally on the status that was read. A writer
   * that lost the race reads again and asks the plan again, which on the new state usually says
   * there is nothing left to do (`skipped`: not an error, so a redelivered event is acked).
   */
  async transition(orderId: string, plan: TransitionPlan): Promise<TransitionOutcome> {
    for (let read = 1; read <= MAX_READS; read++) {
      const order = await this.findById(orderId);
      if (!order) return { kind: 'missing' };
      const move = plan(order);
      if (!move) return { kind: 'skipped', order };
      const moved = await this.move(order, move);
      if (!moved) continue;
      // The saga ends when the order leaves PENDING, whichever use case moved it.
      if (order.status === OrderStatus.Pending) observeSagaSettled(moved);
      return { kind: 'moved', order: moved };
    }
    throw new Error(`order ${orderId} kept changing under us`);
  }

  private async move(order: OrderRecord, { to, reason }: StatusMove): Promise<OrderRecord | null> {
    const change: StatusChangeRecord = { status: to, at: new Date(), ...(reason ? { reason } : {}) };
    // A status change is applied at most once, whatever the concurrency or redelivery: this ONE
    // atomic update matches only while the order is still in the status the plan read, and carries
    // the history entry and the event with it. No lock: a concurrent winner makes it match nothing.
    const doc = await this.orders.findOneAndUpdate(
      { _id: order.id, status: order.status },
      { $set: { status: to, ...(reason ? { reason } : {}) }, $push: { statusHistory: change } },
      [statusChanged(order, to, reason)],
    );
    return doc ? toRecord(doc as OrderDoc) : null;
  }
}

function toRecord(doc: OrderDoc): OrderRecord {
  return {
    id: String(doc._id),
    userId: doc.userId,
    status: doc.status,
    items: doc.items.map(({ bookId, title, quantity, unitPriceCents }) => ({
      bookId,
      title,
      quantity,
      unitPriceCents,
    })),
    totalCents: doc.totalCents,
    reason: doc.reason ?? undefined,
    statusHistory: (doc.statusHistory ?? []).map(({ status, at, reason }) =>
      reason ? { status, at, reason } : { status, at },
    ),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
