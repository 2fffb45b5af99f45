import type { Actor } from '@bookstore/shared/contracts';
import { DomainError, ErrorKind, OrderStatus, Role } from '@bookstore/shared/contracts';

import type { CatalogBooksClient } from '../../adapters/catalog-books.client';
import { ORDER_ERRORS } from '../../orders.errors';
import type {
  IdempotencyKeyRecord,
  IdempotencyKeyRepository,
  KeyClaim,
} from '../../persistence/idempotency-key.repository';
import type { NewOrder, OrderRecord } from '../../persistence/order.record';
import type { OrderRepository } from '../../persistence/order.repository';
import { PlaceOrderHandler } from './place-order.handler';

const BOOK = '0123456789abcdef01234567';
const OTHER_BOOK = 'fedcba9876543210fedcba98';
const actor: Actor = { userId: 'aaaaaaaaaaaaaaaaaaaaaaaa', roles: [Role.Customer] };

/**
 * In-memory stand-ins for the repositories that refuse a taken `_id` like the unique index.
 * (That racing requests really end with one order, and that expiry frees a key, is proven against
 * the real server in the integration spec.)
 */
class MemoryOrders implements Pick<OrderRepository, 'insert' | 'findById'> {
  readonly stored: OrderRecord[] = [];

  async insert(order: NewOrder): Promise<OrderRecord | null> {
    if (this.stored.some((o) => o.id === order.id)) return null;
    // Stamped once, as the server stores it: a later read answers the same timestamps.
    const stored = record(order);
    this.stored.push(stored);
    return stored;
  }

  async findById(id: string): Promise<OrderRecord | null> {
    return this.stored.find((o) => o.id === id) ?? null;
  }
}

class MemoryKeys implements Pick<IdempotencyKeyRepository, 'findLive' | 'claim'> {
  readonly stored = new Map<string, IdempotencyKeyRecord>();

  async findLive(id: string): Promise<IdempotencyKeyRecord | null> {
    return this.stored.get(id) ?? null;
  }

  async claim(claim: KeyClaim): Promise<IdempotencyKeyRecord> {
    const held = this.stored.get(claim.id);
    if (held) return held;
    const { userId: _user, ...fields } = claim;
    const fresh = { ...fields, expiresAt: new Date(Date.now() + 86_400_000) };
    this.stored.set(claim.id, fresh);
    return fresh;
  }
}

function record(order: NewOrder): OrderRecord {
  const now = new Date();
  return {
    ...order,
    status: OrderStatus.Pending,
    statusHistory: [{ status: OrderStatus.Pending, at: now }],
    createdAt: now,
    updatedAt: now,
  };
}

function setup() {
  const orders = new MemoryOrders();
  const keys = new MemoryKeys();
  const catalog = {
    quotes: jest.fn(async (ids: string[]) =>
      ids.map((id) => ({ id, title: `Book ${id}`, priceCents: 1299 })),
    ),
  };
  const handler = new PlaceOrderHandler(
    orders as unknown as OrderRepository,
    keys as unknown as IdempotencyKeyRepository,
    catalog as unknown as CatalogBooksClient,
  );
  return { orders, keys, catalog, handler };
}

const lines = (quantity: number) => [{ bookId: BOOK, quantity }];

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('PlaceOrderHandler', () => {
  it('stores the order with price snapshots and answers with it PENDING, not replayed', async () => {
    const { orders, handler } = setup();
    const { result: order, replayed } = await handler.execute(actor, { items: lines(2) });
    expect(replayed).toBe(false);
    expect(order).toMatchObject({ status: OrderStatus.Pending, totalCents: 2598, userId: actor.userId });
    expect(order.items).toEqual([{ bookId: BOOK, title: `Book ${BOOK}`, quantity: 2, unitPriceCents: 1299 }]);
    expect(orders.stored).toEqual([
      expect.objectContaining({ id: order.id, userId: actor.userId, items: order.items, totalCents: 2598 }),
    ]);
  });

  it('stores a new order for every keyless request', async () => {
    const { orders, handler } = setup();
    const a = await handler.execute(actor, { items: lines(1) });
    const b = await handler.execute(actor, { items: lines(1) });
    expect(a.result.id).not.toBe(b.result.id);
    expect(orders.stored).toHaveLength(2);
  });

  it('replays the first order for a repeated key and body, without asking the catalog again', async () => {
    const { orders, catalog, handler } = setup();
    const first = await handler.execute(actor, { items: lines(1), idempotencyKey: 'k1' });
    const again = await handler.execute(actor, { items: lines(1), idempotencyKey: 'k1' });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ result: first.result, replayed: true });
    expect(catalog.quotes).toHaveBeenCalledTimes(1);
    expect(orders.stored).toHaveLength(1);
  });

  it('takes the same lines in another order as the same request', async () => {
    const { orders, handler } = setup();
    const both = [
      { bookId: BOOK, quantity: 1 },
      { bookId: OTHER_BOOK, quantity: 2 },
    ];
    const first = await handler.execute(actor, { items: both, idempotencyKey: 'k-lines' });
    const again = await handler.execute(actor, { items: [...both].reverse(), idempotencyKey: 'k-lines' });
    expect(again).toEqual({ result: first.result, replayed: true });
    expect(orders.stored).toHaveLength(1);
  });

  it('refuses a repeated key with another body (422 ORDER.IDEMPOTENCY_KEY_REUSED) and stores nothing', async () => {
    const { orders, handler } = setup();
    await handler.execute(actor, { items: lines(1), idempotencyKey: 'k2' });
    const error = await rejection(handler.execute(actor, { items: lines(5), idempotencyKey: 'k2' }));
    expect(error.kind).toBe(ErrorKind.Unprocessable);
    expect(error.code).toBe(ORDER_ERRORS.idempotencyKeyReused);
    expect(orders.stored).toHaveLength(1);
  });

  it('scopes keys per user: another user with the same key places their own order', async () => {
    const { orders, handler } = setup();
    const mine = await handler.execute(actor, { items: lines(1), idempotencyKey: 'shared' });
    const theirs = await handler.execute(
      { ...actor, userId: 'bbbbbbbbbbbbbbbbbbbbbbbb' },
      { items: lines(3), idempotencyKey: 'shared' },
    );
    expect(theirs.replayed).toBe(false);
    expect(theirs.result.id).not.toBe(mine.result.id);
    expect(orders.stored).toHaveLength(2);
  });

  it('binds no key when the catalog refuses the request, so a corrected request may use it', async () => {
    const { keys, catalog, handler } = setup();
    catalog.quotes.mockResolvedValueOnce([]);
    const error = await rejection(handler.execute(actor, { items: lines(1), idempotencyKey: 'k3' }));
    expect(error.code).toBe(ORDER_ERRORS.unknownBook);
    expect(keys.stored.size).toBe(0);
    const placed = await handler.execute(actor, { items: lines(2), idempotencyKey: 'k3' });
    expect(placed.replayed).toBe(false);
  });

  it('completes the order a crashed request claimed the key for, under the id the key names', async () => {
    const { orders, keys, handler } = setup();
    const first = await handler.execute(actor, { items: lines(1), idempotencyKey: 'k4' });
    orders.stored.length = 0; // the request "crashed" after claiming the key, before the insert
    const retry = await handler.execute(actor, { items: lines(1), idempotencyKey: 'k4' });
    expect(retry.replayed).toBe(false);
    expect(retry.result.id).toBe(first.result.id);
    expect([...keys.stored.values()].map((key) => key.orderId)).toEqual([first.result.id]);
  });

  it('answers with the winner, replayed, when a racing request with the key stored the order first', async () => {
    const { orders, handler } = setup();
    const first = await handler.execute(actor, { items: lines(1), idempotencyKey: 'k5' });
    // The racer read the key before the first request's insert: it finds no order and inserts too.
    const findById = jest.spyOn(orders, 'findById').mockResolvedValueOnce(null);
    const racer = await handler.execute(actor, { items: lines(1), idempotencyKey: 'k5' });
    expect(findById).toHaveBeenCalledTimes(2);
    expect(racer).toEqual({ result: first.result, replayed: true });
    expect(orders.stored).toHaveLength(1);
  });
});
