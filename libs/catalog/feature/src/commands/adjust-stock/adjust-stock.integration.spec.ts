/**
 * Integration: an admin's stock adjustments racing reservations of the same book, and under an
 * Idempotency-Key, against the real MongoDB-compatible server (and Redis), through the RPC and
 * event controllers.
 */
import { randomUUID } from 'node:crypto';

import { CATALOG_ERRORS, ReservationStatus } from '@bookstore/catalog/domain';
import type { Actor, BookDto, BookSnapshotPayload, IdempotentReply } from '@bookstore/shared/contracts';
import { BOOK_UPDATED, DomainError, Role } from '@bookstore/shared/contracts';
import { Types } from 'mongoose';

import type { Book } from '../../persistence/book.schema';
import type { CatalogHarness } from '../../testing/catalog-harness';
import {
  addBook,
  bookOf,
  deliver,
  newOrderId,
  orderCreated,
  startCatalog,
  stopCatalog,
} from '../../testing/catalog-harness';

jest.setTimeout(180_000);

const admin = (): Actor => ({ userId: new Types.ObjectId().toHexString(), roles: [Role.Admin] });
const ADMIN = admin();

describe('adjusting stock while orders reserve it (real MongoDB)', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await startCatalog();
  });

  afterAll(async () => {
    await stopCatalog(catalog);
  });

  it('keeps stock = initial + applied deltas - reserved, and every snapshot is what was stored', async () => {
    const book = await addBook(catalog, 40);
    // Each admin write as stored (the document right after it) and as announced (its event).
    const writes: { stored: Book; announced: BookSnapshotPayload }[] = [];
    const original = catalog.bookOutbox.findOneAndUpdate.bind(catalog.bookOutbox);
    const write = jest
      .spyOn(catalog.bookOutbox, 'findOneAndUpdate')
      .mockImplementation(async (filter, update, events, options) => {
        const stored = await original(filter, update, events, options);
        const announced = events.find((event) => event.type === BOOK_UPDATED)?.payload;
        if (stored) writes.push({ stored, announced: announced as BookSnapshotPayload });
        return stored;
      });

    const applied: number[] = [];
    const refused: string[] = [];
    const adjust = async (delta: number) => {
      try {
        await catalog.rpc.stock({ correlationId: 'it', actor: ADMIN, payload: { id: book, delta } });
        applied.push(delta);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused.push(error.code);
      }
    };
    const orders = Array.from({ length: 80 }, () => orderCreated(newOrderId(), [[book, 1]]));
    const deliveries = [
      ...orders.map((event) => () => catalog.events.onOrderCreated(event)),
      ...Array.from({ length: 40 }, (_, i) => () => adjust(i % 2 ? 3 : -2)),
    ];
    await deliver(deliveries, (delivery) => delivery());
    write.mockRestore();

    const reserved = await catalog.reservations.countDocuments({
      _id: { $in: orders.map((event) => event.payload.orderId) },
      status: ReservationStatus.Reserved,
    });
    const total = applied.reduce((sum, delta) => sum + delta, 0);
    expect((await bookOf(catalog, book)).stock).toBe(40 + total - reserved);
    expect(applied.length).toBeGreaterThan(0);
    for (const code of refused) {
      expect([CATALOG_ERRORS.concurrentUpdate, CATALOG_ERRORS.insufficientStock]).toContain(code);
    }
    expect(writes).toHaveLength(applied.length);
    for (const { stored, announced } of writes) expect(announced.stock).toBe(stored.stock);
  });
});

describe('adjusting stock under an Idempotency-Key (real MongoDB)', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await startCatalog();
  });

  afterAll(async () => {
    await stopCatalog(catalog);
  });

  const adjust = (actor: Actor, id: string, delta: number, idempotencyKey: string) =>
    catalog.rpc.stock({ correlationId: 'it', actor, payload: { id, delta, idempotencyKey } });

  /** The answer, or the code of the domain error it failed with. */
  const outcome = (reply: Promise<IdempotentReply<BookDto>>) =>
    reply.catch((error: unknown) => {
      if (error instanceof DomainError) return error.code;
      throw error;
    });

  const updatesOf = (id: string) =>
    catalog.publisher.published.filter(
      (event) => event.type === BOOK_UPDATED && (event.payload as BookSnapshotPayload).bookId === id,
    );

  it('applies 10 racing copies of one keyed adjustment once, while orders reserve the book', async () => {
    const book = await addBook(catalog, 30);
    const key = `restock-${randomUUID()}`;
    const orders = Array.from({ length: 10 }, () => orderCreated(newOrderId(), [[book, 1]]));
    const answers: IdempotentReply<BookDto>[] = [];
    await deliver(
      [
        ...orders.map((event) => () => catalog.events.onOrderCreated(event)),
        ...Array.from({ length: 10 }, () => async () => {
          answers.push(await adjust(ADMIN, book, 7, key));
        }),
      ],
      (delivery) => delivery(),
    );
    await catalog.relay.flush();
    const reserved = await catalog.reservations.countDocuments({
      _id: { $in: orders.map((event) => event.payload.orderId) },
      status: ReservationStatus.Reserved,
    });
    expect(reserved).toBe(10);
    expect((await bookOf(catalog, book)).stock).toBe(30 + 7 - reserved);
    expect(answers).toHaveLength(10);
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    expect(updatesOf(book)).toHaveLength(1);
  });

  it('refuses the key with another delta (422) and changes nothing', async () => {
    const book = await addBook(catalog, 5);
    const key = `writeoff-${randomUUID()}`;
    const first = await adjust(ADMIN, book, -2, key);
    expect(first).toMatchObject({ replayed: false, result: { stock: 3 } });
    await expect(outcome(adjust(ADMIN, book, -3, key))).resolves.toBe(CATALOG_ERRORS.idempotencyKeyReused);
    await expect(adjust(ADMIN, book, -2, key)).resolves.toMatchObject({
      replayed: true,
      result: { stock: 3 },
    });
    // Another admin's equal key is another key.
    await expect(adjust(admin(), book, -3, key)).resolves.toMatchObject({
      replayed: false,
      result: { stock: 0 },
    });
    expect((await bookOf(catalog, book)).stock).toBe(0);
  });

  it('frees an expired key itself, and drops expired keys from the book with the next keyed adjustment', async () => {
    const book = await addBook(catalog, 0);
    const [key, other] = [`expiry-${randomUUID()}`, `other-${randomUUID()}`];
    await adjust(ADMIN, book, 4, key);
    // As if CATALOG_IDEMPOTENCY_TTL_HOURS had gone by.
    await catalog.books
      .updateOne({ _id: book }, { $set: { 'adjustmentKeys.$[].expiresAt': new Date(Date.now() - 1000) } })
      .exec();
    await expect(adjust(ADMIN, book, 1, key)).resolves.toMatchObject({
      replayed: false,
      result: { stock: 5 },
    });
    await adjust(ADMIN, book, 1, other);
    const stored = await bookOf(catalog, book);
    expect(stored.stock).toBe(6);
    expect(stored.adjustmentKeys.map((entry) => entry.delta)).toEqual([1, 1]);
  });
});
