/**
 * Integration: Idempotency-Key against the real MongoDB-compatible server, through the service's
 * module and RPC controller (testing/orders-harness.ts): racing requests, a key reused with
 * another body, and expiry, which the code must honour itself (the TTL monitor runs about once a
 * minute, so these specs age the key record instead of waiting for it).
 */
import { randomUUID } from 'node:crypto';

import type { Actor, IdempotentReply, OrderDto } from '@bookstore/shared/contracts';
import { DomainError, ORDER_CREATED } from '@bookstore/shared/contracts';
import { Types } from 'mongoose';

import { ORDER_ERRORS } from '../../orders.errors';
import { LegacyOrderIndexes } from '../../persistence/legacy-order-indexes';
import type { OrdersHarness } from '../../testing/orders-harness';
import { customer, startOrders, stopOrders } from '../../testing/orders-harness';

jest.setTimeout(180_000);

const BOOK = new Types.ObjectId().toHexString();

function place(
  harness: OrdersHarness,
  actor: Actor,
  quantity: number,
  idempotencyKey?: string,
): Promise<IdempotentReply<OrderDto>> {
  return harness.rpc.place({
    correlationId: randomUUID(),
    actor,
    payload: { items: [{ bookId: BOOK, quantity }], ...(idempotencyKey ? { idempotencyKey } : {}) },
  });
}

/** The answer, or the code of the domain error it failed with. */
function outcome(reply: Promise<IdempotentReply<OrderDto>>): Promise<IdempotentReply<OrderDto> | string> {
  return reply.catch((error: unknown) => {
    if (error instanceof DomainError) return error.code;
    throw error;
  });
}

async function orderIdsOf(harness: OrdersHarness, actor: Actor): Promise<string[]> {
  const ids = await harness.orders.find({ userId: actor.userId }).distinct('_id').exec();
  return ids.map(String);
}

/** Moves the key's expiry into the past, as if ORDERS_IDEMPOTENCY_TTL_HOURS had gone by. */
async function age(harness: OrdersHarness): Promise<void> {
  await harness.keys.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } }).exec();
}

describe('Idempotency-Key (real MongoDB)', () => {
  let harness: OrdersHarness;

  beforeAll(async () => {
    harness = await startOrders();
  });

  afterAll(async () => {
    await stopOrders(harness);
  });

  afterEach(async () => {
    await harness.keys.deleteMany({}).exec();
  });

  it('stores one order for 10 racing requests with one key and body: one placed it, 9 are replays', async () => {
    const buyer = customer();
    const key = `race-${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => place(harness, buyer, 1, key)));
    await harness.relay.flush();
    const [id] = await orderIdsOf(harness, buyer);
    expect(await orderIdsOf(harness, buyer)).toEqual([id]);
    expect(answers.map((answer) => answer.result.id)).toEqual(Array(10).fill(id));
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    expect(harness.publisher.typesFor(id)).toEqual([ORDER_CREATED]);
  });

  it('lets one of two racing bodies win the key: the other gets 422 every time, and no order', async () => {
    const buyer = customer();
    const key = `split-${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => outcome(place(harness, buyer, 1 + (i % 2), key))),
    );
    const ids = await orderIdsOf(harness, buyer);
    expect(ids).toHaveLength(1);
    const placed = answers.filter(
      (answer): answer is IdempotentReply<OrderDto> => typeof answer !== 'string',
    );
    const refused = answers.filter((answer) => typeof answer === 'string');
    expect(placed).toHaveLength(5);
    expect(new Set(placed.map((answer) => answer.result.id))).toEqual(new Set(ids));
    expect(new Set(placed.map((answer) => answer.result.items[0].quantity)).size).toBe(1);
    expect(refused).toEqual(Array(5).fill(ORDER_ERRORS.idempotencyKeyReused));
  });

  it('refuses the key with another body while it lives, and frees it once expired (record still there)', async () => {
    const buyer = customer();
    const key = `expiry-${randomUUID()}`;
    const first = await place(harness, buyer, 1, key);
    await expect(outcome(place(harness, buyer, 3, key))).resolves.toBe(ORDER_ERRORS.idempotencyKeyReused);
    expect((await place(harness, buyer, 1, key)).replayed).toBe(true);

    await age(harness);
    expect(await harness.keys.countDocuments().exec()).toBe(1); // the TTL monitor has not run
    const other = await place(harness, buyer, 3, key);
    expect(other.replayed).toBe(false);
    expect(other.result.id).not.toBe(first.result.id);
    // The key is bound to the new request now.
    await expect(outcome(place(harness, buyer, 1, key))).resolves.toBe(ORDER_ERRORS.idempotencyKeyReused);

    await age(harness);
    const same = await place(harness, buyer, 3, key);
    expect(same.replayed).toBe(false);
    expect(new Set(await orderIdsOf(harness, buyer))).toEqual(
      new Set([first.result.id, other.result.id, same.result.id]),
    );
  });

  it('lets exactly one of racing requests take over an expired key', async () => {
    const buyer = customer();
    const key = `takeover-${randomUUID()}`;
    const first = await place(harness, buyer, 1, key);
    await age(harness);
    const answers = await Promise.all(Array.from({ length: 8 }, () => place(harness, buyer, 2, key)));
    const fresh = answers.filter((answer) => !answer.replayed);
    expect(fresh).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.result.id))).toEqual(new Set([fresh[0].result.id]));
    expect(await orderIdsOf(harness, buyer)).toHaveLength(2);
    expect(fresh[0].result.id).not.toBe(first.result.id);
  });

  it('drops the old unique {userId, idempotencyKey} index, which would refuse a second order per user', async () => {
    // As the old code left it (no order without a key could exist then, so the index built).
    await harness.orders.deleteMany({}).exec();
    await harness.orders.collection.createIndex(
      { userId: 1, idempotencyKey: 1 },
      { unique: true, name: 'userId_1_idempotencyKey_1' },
    );
    await harness.moduleRef.get(LegacyOrderIndexes, { strict: false }).onModuleInit();
    const names = (await harness.orders.collection.indexes()).map((index) => index.name);
    expect(names).not.toContain('userId_1_idempotencyKey_1');
    const buyer = customer();
    await place(harness, buyer, 1);
    await place(harness, buyer, 1);
    expect(await orderIdsOf(harness, buyer)).toHaveLength(2);
    // Idempotent: nothing left to drop is not an error.
    await harness.moduleRef.get(LegacyOrderIndexes, { strict: false }).onModuleInit();
  });
});
