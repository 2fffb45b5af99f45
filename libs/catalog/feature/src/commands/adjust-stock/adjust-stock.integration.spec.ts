/**
 * Integration: an admin's stock adjustments racing reservations of the same book, against the
 * real MongoDB-compatible server (and Redis), through the RPC and event controllers.
 */
import { CATALOG_ERRORS, ReservationStatus } from '@bookstore/catalog/domain';
import type { BookSnapshotPayload } from '@bookstore/shared/contracts';
import { BOOK_UPDATED, DomainError } from '@bookstore/shared/contracts';

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
        await catalog.rpc.stock({ correlationId: 'it', payload: { id: book, delta } });
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
