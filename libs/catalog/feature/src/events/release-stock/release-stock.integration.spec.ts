/**
 * Integration: releasing stock against the real MongoDB-compatible server (and Redis), through
 * the event controller: a cancellation racing its own `order.created`, duplicated cancellations,
 * a release that stalls while another finishes, and crashes in the middle of a release.
 */
import { ReservationStatus } from '@bookstore/catalog/domain';
import type { EventEnvelope } from '@bookstore/shared/contracts';
import { STOCK_RELEASED, STOCK_RESERVED } from '@bookstore/shared/contracts';

import { releasedMarker } from '../../persistence/stock-ledger';
import type { CatalogHarness } from '../../testing/catalog-harness';
import {
  addBook,
  bookOf,
  deliver,
  deliverStalled,
  newOrderId,
  orderCancelled,
  orderCreated,
  republished,
  reservationOf,
  startCatalog,
  stopCatalog,
} from '../../testing/catalog-harness';

jest.setTimeout(180_000);

describe('releasing stock (real MongoDB)', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await startCatalog();
  });

  afterAll(async () => {
    await stopCatalog(catalog);
  });

  /** What was published for the order, once the relay has published everything stored. */
  async function publishedFor(orderId: string): Promise<EventEnvelope[]> {
    await catalog.relay.flush();
    return catalog.publisher.forOrder(orderId);
  }

  it('ends with the stock as it was when order.cancelled races its order.created', async () => {
    const [bookA, bookB] = [await addBook(catalog, 100), await addBook(catalog, 100)];
    const orders = Array.from({ length: 60 }, () => newOrderId());
    const lines: [string, number][] = [
      [bookA, 1],
      [bookB, 2],
    ];
    const deliveries = orders.flatMap((orderId) => {
      const created = orderCreated(orderId, lines);
      const cancelled = orderCancelled(orderId, lines);
      return [
        () => catalog.events.onOrderCreated(created),
        () => catalog.events.onOrderCreated(republished(created)),
        () => catalog.events.onOrderCancelled(cancelled),
        () => catalog.events.onOrderCancelled(cancelled),
      ];
    });
    await deliver(deliveries, (delivery) => delivery());

    expect((await bookOf(catalog, bookA)).stock).toBe(100);
    expect((await bookOf(catalog, bookB)).stock).toBe(100);
    expect((await bookOf(catalog, bookA)).stockOps).toEqual([]);
    expect((await bookOf(catalog, bookB)).stockOps).toEqual([]);
    await catalog.relay.flush();
    for (const orderId of orders) {
      expect((await reservationOf(catalog, orderId)).status).toBe(ReservationStatus.Released);
      const types = catalog.publisher.forOrder(orderId).map((event) => event.type);
      // Reserved then released, or cancelled before it was reserved: never anything else.
      expect([[STOCK_RESERVED, STOCK_RELEASED], [STOCK_RELEASED]]).toContainEqual(types);
    }
  });

  it('returns the units of a reserved order once when its cancellation is delivered twice at once', async () => {
    const book = await addBook(catalog, 10);
    const orders = Array.from({ length: 10 }, () => newOrderId());
    await deliver(
      orders.map((orderId) => orderCreated(orderId, [[book, 1]])),
      (event) => catalog.events.onOrderCreated(event),
    );
    expect((await bookOf(catalog, book)).stock).toBe(0);

    const cancelled = orders.map((orderId) => orderCancelled(orderId, [[book, 1]]));
    await deliver([...cancelled, ...cancelled.map(republished)], (event) =>
      catalog.events.onOrderCancelled(event),
    );

    expect((await bookOf(catalog, book)).stock).toBe(10);
    expect((await bookOf(catalog, book)).stockOps).toEqual([]);
    for (const orderId of orders) {
      const published = await publishedFor(orderId);
      expect(published.map((event) => event.type)).toEqual([STOCK_RESERVED, STOCK_RELEASED]);
      expect(published[1].payload).toEqual({ orderId, items: [{ bookId: book, quantity: 1 }] });
    }
  });

  it('does not release again for a copy that read RESERVED and stalled while its twin released', async () => {
    const book = await addBook(catalog, 10);
    const orderId = newOrderId();
    await catalog.events.onOrderCreated(orderCreated(orderId, [[book, 4]]));
    const cancelled = orderCancelled(orderId, [[book, 4]]);
    await deliverStalled(
      catalog,
      orderId,
      [[book, 4]],
      () => catalog.events.onOrderCancelled(cancelled),
      () => catalog.events.onOrderCancelled(republished(cancelled)),
    );

    expect((await bookOf(catalog, book)).stock).toBe(10);
    expect((await bookOf(catalog, book)).stockOps).toEqual([]);
    expect((await publishedFor(orderId)).map((event) => event.type)).toEqual([
      STOCK_RESERVED,
      STOCK_RELEASED,
    ]);
  });

  it('does not put back again for a copy that read RELEASING and stalled while its twin finished', async () => {
    const book = await addBook(catalog, 10);
    const orderId = newOrderId();
    await catalog.events.onOrderCreated(orderCreated(orderId, [[book, 4]]));
    // A first copy moved it to RELEASING and crashed.
    await catalog.reservationRepository.startRelease(orderId);
    const cancelled = orderCancelled(orderId, [[book, 4]]);
    await deliverStalled(
      catalog,
      orderId,
      [[book, 4]],
      async () => {
        await catalog.events.onOrderCancelled(cancelled);
        expect((await bookOf(catalog, book)).stockOps).toEqual([]);
      },
      () => catalog.events.onOrderCancelled(republished(cancelled)),
    );

    expect((await bookOf(catalog, book)).stock).toBe(10);
    expect((await publishedFor(orderId)).map((event) => event.type)).toEqual([
      STOCK_RESERVED,
      STOCK_RELEASED,
    ]);
  });

  it('finishes a release a crash left with half of the lines put back, putting back each once', async () => {
    const [low, high] = [await addBook(catalog, 5), await addBook(catalog, 5)];
    const orderId = newOrderId();
    await catalog.events.onOrderCreated(
      orderCreated(orderId, [
        [low, 2],
        [high, 3],
      ]),
    );
    await catalog.reservationRepository.startRelease(orderId);
    const view = await catalog.ledger.view([{ bookId: low, quantity: 2 }]);
    await catalog.ledger.putBack(
      orderId,
      { bookId: low, quantity: 2 },
      view.get(low)?.fence ?? null,
      async () => true,
    );
    expect((await bookOf(catalog, low)).stockOps).toEqual([releasedMarker(orderId)]);

    const cancelled = orderCancelled(orderId, [
      [low, 2],
      [high, 3],
    ]);
    await catalog.events.onOrderCancelled(cancelled);
    await catalog.events.onOrderCancelled(republished(cancelled));

    expect((await bookOf(catalog, low)).stock).toBe(5);
    expect((await bookOf(catalog, high)).stock).toBe(5);
    expect((await bookOf(catalog, low)).stockOps).toEqual([]);
    expect((await reservationOf(catalog, orderId)).status).toBe(ReservationStatus.Released);
    expect((await publishedFor(orderId)).map((event) => event.type)).toEqual([
      STOCK_RESERVED,
      STOCK_RELEASED,
    ]);
  });

  it('gives back what a reservation that crashed took when the cancellation comes first', async () => {
    const book = await addBook(catalog, 5);
    const orderId = newOrderId();
    // order.created took the line, then crashed before storing its decision.
    await catalog.ledger.take(orderId, { bookId: book, quantity: 2 }, 0, async () => true);
    expect((await bookOf(catalog, book)).stock).toBe(3);

    await catalog.events.onOrderCancelled(orderCancelled(orderId, [[book, 2]]));
    expect((await bookOf(catalog, book)).stock).toBe(5);
    // The redelivered order.created finds the tombstone.
    await catalog.events.onOrderCreated(orderCreated(orderId, [[book, 2]]));

    expect((await bookOf(catalog, book)).stock).toBe(5);
    expect((await bookOf(catalog, book)).stockOps).toEqual([]);
    expect((await publishedFor(orderId)).map((event) => event.type)).toEqual([STOCK_RELEASED]);
  });

  it('gives nothing back and answers nothing new when a rejected order is cancelled', async () => {
    const book = await addBook(catalog, 1);
    const orderId = newOrderId();
    await catalog.events.onOrderCreated(orderCreated(orderId, [[book, 2]]));
    await catalog.events.onOrderCancelled(orderCancelled(orderId, [[book, 2]]));

    expect((await bookOf(catalog, book)).stock).toBe(1);
    expect((await reservationOf(catalog, orderId)).status).toBe(ReservationStatus.Rejected);
    expect(await publishedFor(orderId)).toHaveLength(1);
  });
});
