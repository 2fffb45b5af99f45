import type { Actor } from '@bookstore/shared/contracts';
import { ORDER_CREATED, OrderStatus, Role } from '@bookstore/shared/contracts';
import type { OutboxRelay } from '@bookstore/shared/messaging';

import type { CatalogBooksClient } from '../../catalog/catalog-books.client';
import type { OrderRecord } from '../../persistence/order.record';
import type { NewOrder, OrderRepository } from '../../persistence/order.repository';
import { DuplicateIdempotencyKeyError } from '../../persistence/order.repository';
import { PlaceOrderHandler } from './place-order.handler';

const BOOK = '0123456789abcdef01234567';
const actor: Actor = { userId: 'aaaaaaaaaaaaaaaaaaaaaaaa', roles: [Role.Customer] };

/** An in-memory stand-in for the port that enforces the unique {userId, idempotencyKey} like the index. */
class MemoryOrders implements Partial<OrderRepository> {
  readonly stored: NewOrder[] = [];
  /** Simulates a concurrent request that inserts between our lookup and our insert. */
  interloper?: NewOrder;

  async insert(order: NewOrder): Promise<OrderRecord> {
    if (this.interloper) {
      this.stored.push(this.interloper);
      this.interloper = undefined;
    }
    if (this.stored.some((o) => o.userId === order.userId && o.idempotencyKey === order.idempotencyKey)) {
      throw new DuplicateIdempotencyKeyError();
    }
    this.stored.push(order);
    return record(order);
  }

  async findByIdempotencyKey(userId: string, key: string): Promise<OrderRecord | null> {
    const found = this.stored.find((o) => o.userId === userId && o.idempotencyKey === key);
    return found ? record(found) : null;
  }
}

function record(order: NewOrder): OrderRecord {
  const now = new Date();
  return { ...order, createdAt: now, updatedAt: now };
}

function setup() {
  const orders = new MemoryOrders();
  const catalog = { quotes: jest.fn(async () => [{ id: BOOK, title: 'Dune', priceCents: 1299 }]) };
  const relay = { kick: jest.fn() };
  const handler = new PlaceOrderHandler(
    orders as unknown as OrderRepository,
    relay as unknown as OutboxRelay,
    catalog as unknown as CatalogBooksClient,
  );
  return { orders, catalog, relay, handler };
}

describe('PlaceOrderHandler', () => {
  it('stores the order PENDING with price snapshots and order.created in its outbox', async () => {
    const { orders, relay, handler } = setup();
    const order = await handler.execute(actor, { items: [{ bookId: BOOK, quantity: 2 }] });
    expect(order).toMatchObject({ status: OrderStatus.Pending, totalCents: 2598, userId: actor.userId });
    expect(order.items).toEqual([{ bookId: BOOK, title: 'Dune', quantity: 2, unitPriceCents: 1299 }]);
    expect(orders.stored[0].outbox).toHaveLength(1);
    expect(orders.stored[0].outbox[0]).toMatchObject({
      type: ORDER_CREATED,
      payload: { orderId: order.id, userId: actor.userId, totalCents: 2598 },
    });
    expect(relay.kick).toHaveBeenCalled();
  });

  it('gives keyless orders distinct slots', async () => {
    const { orders, handler } = setup();
    const a = await handler.execute(actor, { items: [{ bookId: BOOK, quantity: 1 }] });
    const b = await handler.execute(actor, { items: [{ bookId: BOOK, quantity: 1 }] });
    expect(a.id).not.toBe(b.id);
    expect(orders.stored).toHaveLength(2);
  });

  it('returns the first order for a repeated key without asking the catalog again', async () => {
    const { orders, catalog, handler } = setup();
    const first = await handler.execute(actor, {
      items: [{ bookId: BOOK, quantity: 1 }],
      idempotencyKey: 'k1',
    });
    const again = await handler.execute(actor, {
      items: [{ bookId: BOOK, quantity: 5 }],
      idempotencyKey: 'k1',
    });
    expect(again.id).toBe(first.id);
    expect(again.items[0].quantity).toBe(1);
    expect(catalog.quotes).toHaveBeenCalledTimes(1);
    expect(orders.stored).toHaveLength(1);
  });

  it('answers with the winner when a concurrent request with the same key inserted first', async () => {
    const { orders, handler } = setup();
    const winner = await handler.execute(
      { ...actor, userId: 'bbbbbbbbbbbbbbbbbbbbbbbb' },
      { items: [{ bookId: BOOK, quantity: 1 }], idempotencyKey: 'k2' },
    );
    orders.interloper = { ...orders.stored[0], id: 'cccccccccccccccccccccccc', userId: actor.userId };
    const loser = await handler.execute(actor, {
      items: [{ bookId: BOOK, quantity: 1 }],
      idempotencyKey: 'k2',
    });
    expect(loser.id).toBe('cccccccccccccccccccccccc');
    expect(loser.id).not.toBe(winner.id);
    expect(orders.stored.filter((o) => o.userId === actor.userId)).toHaveLength(1);
  });
});
