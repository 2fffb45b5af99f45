import type { EventEnvelope, OrderStatus } from '@bookstore/shared/contracts';
import { DocumentLocks } from '@bookstore/shared/messaging';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { QueryFilter } from 'mongoose';
import { Model } from 'mongoose';

import type { OrderRecord, StatusChangeRecord } from './order.record';
import type { NewOrder, OrderFilter, OrderRepository } from './order.repository';
import { DuplicateIdempotencyKeyError } from './order.repository';
import { Order } from './order.schema';

const DUPLICATE_KEY = 11000;
const PROJECTION = { outbox: 0, idempotencyKey: 0 };

type OrderDoc = Order & { _id: unknown };

/** The lock key of an order document, shared by status changes and the outbox relay. */
export const orderLock = (orderId: string) => `order:${orderId}`;

/** The orders collection behind the `OrderRepository` port. */
@Injectable()
export class MongoOrderRepository implements OrderRepository {
  constructor(
    @InjectModel(Order.name) private readonly orders: Model<Order>,
    private readonly locks: DocumentLocks,
  ) {}

  async insert(order: NewOrder): Promise<OrderRecord> {
    const { id, ...fields } = order;
    try {
      const created = await this.orders.create({ _id: id, ...fields });
      return toRecord(created.toObject() as OrderDoc);
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) throw new DuplicateIdempotencyKeyError();
      throw error;
    }
  }

  async findById(id: string): Promise<OrderRecord | null> {
    const doc = await this.orders.findById(id, PROJECTION).lean<OrderDoc>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<OrderRecord | null> {
    const doc = await this.orders.findOne({ userId, idempotencyKey }, PROJECTION).lean<OrderDoc>().exec();
    return doc ? toRecord(doc) : null;
  }

  async list(
    filter: OrderFilter,
    page: number,
    limit: number,
  ): Promise<{ items: OrderRecord[]; total: number }> {
    const query: QueryFilter<Order> = {};
    if (filter.userId) query.userId = filter.userId;
    if (filter.status) query.status = filter.status;
    const [docs, total] = await Promise.all([
      this.orders
        .find(query, PROJECTION)
        .sort({ createdAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<OrderDoc[]>()
        .exec(),
      this.orders.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }

  async transition(
    id: string,
    from: OrderStatus,
    change: StatusChangeRecord,
    event: EventEnvelope,
  ): Promise<OrderRecord | null> {
    const set: Partial<Order> = { status: change.status };
    if (change.reason) set.reason = change.reason;
    // Under the order's lock: on FerretDB the conditional update alone is not atomic, and the
    // relay's pop of a published event could otherwise overwrite this status change.
    const doc = await this.locks.run(orderLock(id), () =>
      this.orders
        .findOneAndUpdate(
          { _id: id, status: from },
          { $set: set, $push: { statusHistory: change, outbox: event } },
          // No projection: FerretDB does not implement findAndModify `fields`; toRecord drops the outbox.
          { new: true },
        )
        .lean<OrderDoc>()
        .exec(),
    );
    return doc ? toRecord(doc) : null;
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
