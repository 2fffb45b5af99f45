import type { Actor } from '@bookstore/shared/contracts';
import { OrderStatus, Role } from '@bookstore/shared/contracts';

import type { CatalogBooksClient } from '../../adapters/catalog-books.client';
import type { NewOrder, OrderRecord } from '../../persistence/order.record';
import type { OrderRepository } from '../../persistence/order.repository';
import { PlaceOrderHandler } from './place-order.handler';

const BOOK = '0123456789abcdef01234567';
const actor: Actor = { userId: 'aaaaaaaaaaaaaaaaaaaaaaaa', roles: [Role.Customer] };

/**
 * An in-memory stand-in for the repository that refuses a taken {userId, idempotencyKey} slot like
 * the unique index. (That the insert stores `order.created` with the order, and that racing
 * requests really end with one order, is proven against the real server in the integration spec.)
 */
class MemoryOrders implements Pick<OrderRepository, 'insert' | 'findByIdempotencyKey'> {
  readonly stored: NewOrder[] = [];
  /** Simulates a concurrent request that inserts between our lookup and our insert. */
  interloper?: NewOrder;

  async insert(order: NewOrder): Promise<OrderRecord | null> {
    if (this.interloper) {
      this.stored.push(this.interloper);
      this.interloper = undefined;
    }
    if (this.stored.some((o) => o.userId === order.userId && o.idempotencyKey === order.idempotencyKey)) {
      return null;
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
  const { idempotencyKey: _slot, ...fields } = order;
  return {
    ...fields,
    status: OrderStatus.Pending,
    statusHistory: [{ status: OrderStatus.Pending, at: now }],
    createdAt: now,
    updatedAt: now,
  };
}

function setup() {
  const orders = new MemoryOrders();
  const catalog = { quotes: jest.fn(async () => [{ id: BOOK, title: 'Dune', priceCents: 1299 }]) };
  const handler = new PlaceOrderHandler(
    orders as unknown as OrderRepository,
    catalog as unknown as CatalogBooksClient,
  );
  return { orders, catalog, handler };
}

describe('PlaceOrderHandler', () => {
  it('stores the order with price snapshots and answers with it PENDING', async () => {
    const { orders, handler } = setup();
    const order = await handler.execute(actor, { items: [{ bookId: BOOK, quantity: 2 }] });
    expect(order).toMatchObject({ status: OrderStatus.Pending, totalCents: 2598, userId: actor.userId });
    expect(order.items).toEqual([{ bookId: BOOK, title: 'Dune', quantity: 2, unitPriceCents: 1299 }]);
    expect(orders.stored).toEqual([
      {
        id: order.id,
        userId: actor.userId,
        items: order.items,
        totalCents: 2598,
        idempotencyKey: `order:${order.id}`,
      },
    ]);
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
