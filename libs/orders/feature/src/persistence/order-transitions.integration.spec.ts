/**
 * Integration: the orders' invariants against the real MongoDB-compatible server, through the
 * service's own module, controllers and outbox relay (testing/orders-harness.ts). Each describe
 * starts the module on a throwaway database that it drops.
 */
import { randomUUID } from 'node:crypto';

import { canTransition } from '@bookstore/orders/domain';
import type { Actor, OrderDto } from '@bookstore/shared/contracts';
import {
  ORDER_CONFIRMED,
  ORDER_CREATED,
  OrderStatus,
  STOCK_REJECTED,
  STOCK_RESERVED,
} from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { OutboxRelay } from '@bookstore/shared/persistence';
import { Types } from 'mongoose';

import type { OrdersHarness as Harness } from '../testing/orders-harness';
import { customer, startOrders, stopOrders } from '../testing/orders-harness';
import type { Order } from './order.schema';
import type { ReachableStatus } from './order-events';
import { EVENT_OF_STATUS } from './order-events';

jest.setTimeout(180_000);

const BOOK = new Types.ObjectId().toHexString();

async function place(harness: Harness, actor: Actor, idempotencyKey?: string): Promise<OrderDto> {
  const { result } = await harness.rpc.place({
    correlationId: randomUUID(),
    actor,
    payload: { items: [{ bookId: BOOK, quantity: 2 }], ...(idempotencyKey ? { idempotencyKey } : {}) },
  });
  return result;
}

const stockReserved = (orderId: string) =>
  createEnvelope(STOCK_RESERVED, { orderId, items: [{ bookId: BOOK, quantity: 2 }] });
const stockRejected = (orderId: string) =>
  createEnvelope(STOCK_REJECTED, {
    orderId,
    shortLines: [{ bookId: BOOK, requested: 2, available: 1 }],
    reason: 'Insufficient stock',
  });

/** The order as stored, outbox included. */
async function stored(harness: Harness, orderId: string): Promise<Order> {
  const order = await harness.orders.findById(orderId).lean<Order>().exec();
  if (!order) throw new Error(`order ${orderId} is missing`);
  return order;
}

/**
 * Asserts the stored order took a valid path of the state machine from PENDING, and that exactly
 * one event per transition was published (after its `order.created`), none of them still stored.
 */
async function expectConsistent(harness: Harness, orderId: string): Promise<OrderStatus[]> {
  const order = await stored(harness, orderId);
  const path = order.statusHistory.map((entry) => entry.status);
  expect(path[0]).toBe(OrderStatus.Pending);
  const illegal = path.slice(1).filter((to, step) => !canTransition(path[step], to));
  expect({ path, illegal }).toEqual({ path, illegal: [] });
  expect(order.status).toBe(path[path.length - 1]);
  const announced = path.slice(1).map((status) => EVENT_OF_STATUS[status as ReachableStatus]);
  expect(harness.publisher.typesFor(orderId).sort()).toEqual([ORDER_CREATED, ...announced].sort());
  expect(order.outbox).toEqual([]);
  return path;
}

describe('order transitions under concurrency (real MongoDB)', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startOrders();
  });

  afterAll(async () => {
    await stopOrders(harness);
  });

  it('confirms once when stock.reserved is redelivered and duplicated, 10 copies at once', async () => {
    const placed = await Promise.all(Array.from({ length: 10 }, () => place(harness, customer())));
    await Promise.all(
      placed.map(({ id }) => {
        const original = stockReserved(id);
        // 5 redeliveries of one event (same eventId) and 5 republications of the fact (new eventIds).
        const copies = [
          ...Array.from({ length: 5 }, () => original),
          ...Array.from({ length: 5 }, () => stockReserved(id)),
        ];
        return Promise.all(copies.map((copy) => harness.events.reserved(copy)));
      }),
    );
    await harness.relay.flush();
    for (const { id } of placed) {
      expect(await expectConsistent(harness, id)).toEqual([OrderStatus.Pending, OrderStatus.Confirmed]);
      expect(harness.publisher.typesFor(id).filter((type) => type === ORDER_CONFIRMED)).toHaveLength(1);
    }
  });

  it('never moves an order twice when a cancel races stock.reserved (50 orders)', async () => {
    const buyer = customer();
    const placed = await Promise.all(Array.from({ length: 50 }, () => place(harness, buyer)));
    const cancels = await Promise.all(
      placed.map(async ({ id }) => {
        const [cancelled] = await Promise.all([
          harness.rpc.cancel({ correlationId: randomUUID(), actor: buyer, payload: { id } }),
          harness.events.reserved(stockReserved(id)),
        ]);
        return cancelled;
      }),
    );
    await harness.relay.flush();
    for (const [index, { id }] of placed.entries()) {
      const path = await expectConsistent(harness, id);
      // Both are allowed from PENDING, so whichever wins, the cancel applies: last, and once.
      expect(path[path.length - 1]).toBe(OrderStatus.Cancelled);
      expect(cancels[index].statusHistory.map((entry) => entry.status)).toEqual(path);
    }
  });

  it('applies exactly one of stock.rejected and stock.reserved when both arrive at once (50 orders)', async () => {
    const placed = await Promise.all(Array.from({ length: 50 }, () => place(harness, customer())));
    await Promise.all(
      placed.map(({ id }) =>
        Promise.all([harness.events.reserved(stockReserved(id)), harness.events.rejected(stockRejected(id))]),
      ),
    );
    await harness.relay.flush();
    for (const { id } of placed) {
      const path = await expectConsistent(harness, id);
      expect(path).toHaveLength(2);
      expect([OrderStatus.Confirmed, OrderStatus.Rejected]).toContain(path[1]);
    }
  });

  it('stores one order for 10 concurrent requests with one Idempotency-Key, and answers all with it', async () => {
    const buyer = customer();
    const key = `race-${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => place(harness, buyer, key)));
    await harness.relay.flush();
    const ids = await harness.orders.find({ userId: buyer.userId }).distinct('_id').exec();
    expect(ids.map(String)).toEqual([answers[0].id]);
    expect(new Set(answers.map((answer) => answer.id))).toEqual(new Set([answers[0].id]));
    expect(harness.publisher.typesFor(answers[0].id)).toEqual([ORDER_CREATED]);
  });
});

describe('a crash between a transition and its publication (real MongoDB)', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startOrders();
  });

  afterAll(async () => {
    await stopOrders(harness);
  });

  it('leaves the event stored with the transition, and a fresh relay publishes it exactly once', async () => {
    const { id } = await place(harness, customer());
    await harness.relay.flush();
    // The process "dies": its relay takes no more hand-offs, so the next write's event is not published.
    await harness.relay.onApplicationShutdown();
    await harness.events.reserved(stockReserved(id));
    const afterCrash = await stored(harness, id);
    expect(afterCrash.status).toBe(OrderStatus.Confirmed);
    expect(afterCrash.outbox.map((entry) => entry.type)).toEqual([ORDER_CONFIRMED]);
    expect(harness.publisher.typesFor(id)).toEqual([ORDER_CREATED]);

    // The restarted service's relay finds the stored event and publishes it, then removes it.
    const restarted = new OutboxRelay(harness.publisher, [harness.orders as never]);
    await restarted.flush();
    await restarted.flush();
    await restarted.onApplicationShutdown();
    expect(harness.publisher.typesFor(id)).toEqual([ORDER_CREATED, ORDER_CONFIRMED]);
    expect((await stored(harness, id)).outbox).toEqual([]);
  });
});
