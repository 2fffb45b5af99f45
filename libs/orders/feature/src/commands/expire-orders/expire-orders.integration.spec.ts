/**
 * Integration: the saga deadline against the real MongoDB-compatible server, through the service's
 * module (testing/orders-harness.ts). Orders are aged by moving `createdAt` back with the driver
 * (Mongoose keeps `createdAt` immutable), as if ORDERS_SAGA_DEADLINE_MS had gone by.
 */
import { randomUUID } from 'node:crypto';

import type { OrderDto } from '@bookstore/shared/contracts';
import {
  ORDER_CONFIRMED,
  ORDER_CREATED,
  ORDER_REJECTED,
  OrderStatus,
  STOCK_RESERVED,
} from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { Types } from 'mongoose';

import { OrdersConfig } from '../../config/orders.config';
import type { Order } from '../../persistence/order.schema';
import type { OrdersHarness } from '../../testing/orders-harness';
import { customer, startOrders, stopOrders } from '../../testing/orders-harness';
import { ExpireOrdersHandler } from './expire-orders.handler';

jest.setTimeout(180_000);

const BOOK = new Types.ObjectId().toHexString();
const DEADLINE_MS = new OrdersConfig().ORDERS_SAGA_DEADLINE_MS;

describe('saga deadline (real MongoDB)', () => {
  let harness: OrdersHarness;
  let expire: ExpireOrdersHandler;

  beforeAll(async () => {
    harness = await startOrders();
    expire = harness.moduleRef.get(ExpireOrdersHandler, { strict: false });
  });

  afterAll(async () => {
    await stopOrders(harness);
  });

  async function place(): Promise<OrderDto> {
    const { result } = await harness.rpc.place({
      correlationId: randomUUID(),
      actor: customer(),
      payload: { items: [{ bookId: BOOK, quantity: 1 }] },
    });
    return result;
  }

  /** Moves the orders' `createdAt` back by the deadline and `extraMs`. */
  async function age(ids: string[], extraMs = 1000): Promise<void> {
    const createdAt = new Date(Date.now() - DEADLINE_MS - extraMs);
    await harness.orders.collection.updateMany(
      { _id: { $in: ids.map((id) => new Types.ObjectId(id)) } },
      { $set: { createdAt } },
    );
  }

  const stored = async (id: string) => (await harness.orders.findById(id).lean<Order>().exec()) as Order;
  const reserved = (orderId: string) =>
    harness.events.reserved(
      createEnvelope(STOCK_RESERVED, { orderId, items: [{ bookId: BOOK, quantity: 1 }] }),
    );

  it('rejects an overdue PENDING order with reason timeout and order.rejected, and leaves the others', async () => {
    const overdue = await place();
    const fresh = await place();
    const settled = await place();
    await reserved(settled.id);
    await age([overdue.id, settled.id]);

    expect(await expire.execute()).toBeGreaterThanOrEqual(1);

    const rejected = await stored(overdue.id);
    expect(rejected.status).toBe(OrderStatus.Rejected);
    expect(rejected.reason).toBe('timeout');
    expect(rejected.statusHistory.map((entry) => [entry.status, entry.reason])).toEqual([
      [OrderStatus.Pending, undefined],
      [OrderStatus.Rejected, 'timeout'],
    ]);
    expect(harness.publisher.typesFor(overdue.id)).toEqual([ORDER_CREATED, ORDER_REJECTED]);
    expect(harness.publisher.forOrder(overdue.id)[1].payload).toMatchObject({ reason: 'timeout' });
    expect((await stored(fresh.id)).status).toBe(OrderStatus.Pending);
    expect((await stored(settled.id)).status).toBe(OrderStatus.Confirmed);

    // A late reservation finds the order settled: nothing moves, nothing more is published.
    await reserved(overdue.id);
    expect((await stored(overdue.id)).status).toBe(OrderStatus.Rejected);
    expect(harness.publisher.typesFor(overdue.id)).toEqual([ORDER_CREATED, ORDER_REJECTED]);
  });

  it('moves each of 40 overdue orders once while two sweepers race their late reservations', async () => {
    const orders = await Promise.all(Array.from({ length: 40 }, () => place()));
    const ids = orders.map((order) => order.id);
    await age(ids);

    await Promise.all([expire.execute(), expire.execute(), ...ids.map((id) => reserved(id))]);

    for (const id of ids) {
      const order = await stored(id);
      const path = order.statusHistory.map((entry) => entry.status);
      expect([
        [OrderStatus.Pending, OrderStatus.Rejected],
        [OrderStatus.Pending, OrderStatus.Confirmed],
      ]).toContainEqual(path);
      const answer = order.status === OrderStatus.Rejected ? ORDER_REJECTED : ORDER_CONFIRMED;
      expect(harness.publisher.typesFor(id)).toEqual([ORDER_CREATED, answer]);
    }
  });

  it('works through a backlog larger than one read', async () => {
    const orders = await Promise.all(Array.from({ length: 120 }, () => place()));
    await age(orders.map((order) => order.id));

    await expire.execute();

    const statuses = await Promise.all(orders.map(async (order) => (await stored(order.id)).status));
    expect(new Set(statuses)).toEqual(new Set([OrderStatus.Rejected]));
  });
});
