/**
 * Integration: reserving stock against the real MongoDB-compatible server (and Redis), through
 * the event controller as the broker would call it: races for the last copies, duplicates handled
 * at the same time, a duplicate that stalls while another finishes, and crashes between steps.
 */
import { ReservationStatus } from '@bookstore/catalog/domain';
import { STOCK_REJECTED, STOCK_RESERVED } from '@bookstore/shared/contracts';

import { takenMarker } from '../../persistence/stock-ledger';
import type { CatalogHarness, Lines } from '../../testing/catalog-harness';
import {
  addBook,
  bookOf,
  deliver,
  deliverStalled,
  gate,
  newOrderId,
  orderCancelled,
  orderCreated,
  republished,
  reservationOf,
  startCatalog,
  stopCatalog,
} from '../../testing/catalog-harness';

jest.setTimeout(180_000);

describe('reserving stock (real MongoDB)', () => {
  let catalog: CatalogHarness;
  let flushed = false;

  beforeAll(async () => {
    catalog = await startCatalog();
  });

  beforeEach(() => {
    flushed = false;
  });

  afterAll(async () => {
    await stopCatalog(catalog);
  });

  /** The answers published for the order (once the relay has published everything stored). */
  async function answersOf(orderId: string): Promise<string[]> {
    if (!flushed) await catalog.relay.flush();
    flushed = true;
    return catalog.publisher
      .forOrder(orderId)
      .map((event) => event.type)
      .filter((type) => type === STOCK_RESERVED || type === STOCK_REJECTED);
  }

  it('sells exactly the stock there is to 200 orders racing, with duplicates, and leaves no marker', async () => {
    // B gets the smaller id, so orders holding both take B first and must give it back when A is short.
    const bookB = await addBook(catalog, 1000);
    const bookA = await addBook(catalog, 50);
    const orders = Array.from({ length: 200 }, (_, i) => {
      const lines: Lines =
        i % 5 === 0
          ? [
              [bookA, 1],
              [bookB, 2],
            ]
          : [[bookA, 1]];
      return orderCreated(newOrderId(), lines);
    });
    const deliveries = [
      ...orders,
      ...orders.slice(0, 30), // the same message redelivered (same eventId)
      ...orders.slice(30, 50).map(republished), // the same order published twice
    ];
    await deliver(deliveries, (event) => catalog.events.onOrderCreated(event));

    const stored = await catalog.reservations
      .find({ _id: { $in: orders.map((o) => o.payload.orderId) } })
      .lean();
    expect(stored).toHaveLength(200);
    const reserved = stored.filter((r) => r.status === ReservationStatus.Reserved);
    expect(reserved).toHaveLength(50);
    expect(stored.filter((r) => r.status === ReservationStatus.Rejected)).toHaveLength(150);
    for (const reservation of stored) {
      const answer = reservation.status === ReservationStatus.Reserved ? STOCK_RESERVED : STOCK_REJECTED;
      expect(await answersOf(reservation._id)).toEqual([answer]);
    }
    const a = await bookOf(catalog, bookA);
    const b = await bookOf(catalog, bookB);
    expect(a.stock).toBe(0);
    const reservedWithB = reserved.filter((r) => r.lines.some((line) => line.bookId === bookB)).length;
    expect(b.stock).toBe(1000 - 2 * reservedWithB);
    expect(a.stockOps).toEqual([]);
    expect(b.stockOps).toEqual([]);
  });

  it('takes the stock of an order once when ten copies of order.created arrive at once', async () => {
    const book = await addBook(catalog, 1000);
    const orders = Array.from({ length: 20 }, () => orderCreated(newOrderId(), [[book, 3]]));
    const copies = orders.flatMap((event) => [
      ...Array.from({ length: 5 }, () => event),
      ...Array.from({ length: 5 }, () => republished(event)),
    ]);
    await deliver(copies, (event) => catalog.events.onOrderCreated(event));

    expect((await bookOf(catalog, book)).stock).toBe(1000 - 3 * orders.length);
    for (const { payload } of orders) {
      expect((await reservationOf(catalog, payload.orderId)).status).toBe(ReservationStatus.Reserved);
      expect(await answersOf(payload.orderId)).toEqual([STOCK_RESERVED]);
    }
    expect((await bookOf(catalog, book)).stockOps).toEqual([]);
  });

  it('does not take again for a copy that stalled while its twin reserved and forgot the markers', async () => {
    const book = await addBook(catalog, 10);
    const event = orderCreated(newOrderId(), [[book, 4]]);
    const { orderId } = event.payload;
    await deliverStalled(
      catalog,
      orderId,
      [[book, 4]],
      async () => {
        await catalog.events.onOrderCreated(republished(event));
        expect((await bookOf(catalog, book)).stockOps).toEqual([]);
      },
      () => catalog.events.onOrderCreated(event),
    );

    expect((await bookOf(catalog, book)).stock).toBe(6);
    expect((await bookOf(catalog, book)).stockOps).toEqual([]);
    expect(await answersOf(orderId)).toEqual([STOCK_RESERVED]);
  });

  it('never gives back what a twin counted as held: a rejection is stored before its give-back', async () => {
    const [low, high] = [await addBook(catalog, 5), await addBook(catalog, 1)];
    const event = orderCreated(newOrderId(), [
      [low, 2],
      [high, 3],
    ]);
    const [aTookLow, bHeldLow, aAtDecision] = [gate(), gate(), gate()];
    const [resumeA, resumeB, decideA] = [gate(), gate(), gate()];
    const take = catalog.ledger.take.bind(catalog.ledger);
    let takes = 0;
    const takeSpy = jest.spyOn(catalog.ledger, 'take').mockImplementation(async (...args) => {
      const call = ++takes;
      const result = await take(...args);
      if (call === 1) await pause(aTookLow, resumeA);
      if (call === 2) await pause(bHeldLow, resumeB);
      return result;
    });
    const reject = catalog.reservationRepository.reject.bind(catalog.reservationRepository);
    const rejectSpy = jest
      .spyOn(catalog.reservationRepository, 'reject')
      .mockImplementation(async (...args) => {
        await pause(aAtDecision, decideA);
        return reject(...args);
      });

    const a = catalog.events.onOrderCreated(event);
    await aTookLow.opened; // A took the first line...
    const b = catalog.events.onOrderCreated(republished(event));
    await bHeldLow.opened; // ...which B finds marked: held by the order
    resumeA.open();
    await aAtDecision.opened; // A found the second line short and is about to store a rejection
    await catalog.books.updateOne({ _id: high }, { $inc: { stock: 5 } }); // a restock
    resumeB.open();
    await b; // B took the second line and stored RESERVED, counting on A's take of the first
    decideA.open();
    await a;
    takeSpy.mockRestore();
    rejectSpy.mockRestore();

    expect((await reservationOf(catalog, event.payload.orderId)).status).toBe(ReservationStatus.Reserved);
    expect((await bookOf(catalog, low)).stock).toBe(3);
    expect((await bookOf(catalog, high)).stock).toBe(3);
    expect(await answersOf(event.payload.orderId)).toEqual([STOCK_RESERVED]);
  });

  describe('after a crash between two steps, the redelivery finishes without moving stock twice', () => {
    it('line 1 taken, then the crash', async () => {
      const [low, high] = [await addBook(catalog, 5), await addBook(catalog, 5)];
      const event = orderCreated(newOrderId(), [
        [low, 2],
        [high, 3],
      ]);
      const { orderId } = event.payload;
      const undecided = async () => !(await catalog.reservationRepository.find(orderId));
      await catalog.ledger.take(orderId, { bookId: low, quantity: 2 }, 0, undecided);

      await catalog.events.onOrderCreated(event);

      expect((await bookOf(catalog, low)).stock).toBe(3);
      expect((await bookOf(catalog, high)).stock).toBe(2);
      expect((await reservationOf(catalog, orderId)).status).toBe(ReservationStatus.Reserved);
      expect(await answersOf(orderId)).toEqual([STOCK_RESERVED]);
      expect((await bookOf(catalog, low)).stockOps).toEqual([]);
    });

    it('reserved and answered, markers not yet forgotten', async () => {
      const book = await addBook(catalog, 5);
      const event = orderCreated(newOrderId(), [[book, 2]]);
      const { orderId } = event.payload;
      const lines = [{ bookId: book, quantity: 2 }];
      await catalog.ledger.take(orderId, lines[0], 0, async () => true);
      await catalog.reservationRepository.reserve(orderId, lines);

      await catalog.events.onOrderCreated(event);

      const after = await bookOf(catalog, book);
      expect(after.stock).toBe(3);
      expect(after.stockOps).toEqual([]);
      expect(await answersOf(orderId)).toEqual([STOCK_RESERVED]);
    });

    it('line 1 taken, line 2 short, then the crash before the rejection was stored', async () => {
      const [low, high] = [await addBook(catalog, 5), await addBook(catalog, 1)];
      const event = orderCreated(newOrderId(), [
        [low, 2],
        [high, 3],
      ]);
      const { orderId } = event.payload;
      await catalog.ledger.take(orderId, { bookId: low, quantity: 2 }, 0, async () => true);

      await catalog.events.onOrderCreated(event);

      expect((await bookOf(catalog, low)).stock).toBe(5);
      expect((await bookOf(catalog, high)).stock).toBe(1);
      expect((await reservationOf(catalog, orderId)).status).toBe(ReservationStatus.Rejected);
      expect(await answersOf(orderId)).toEqual([STOCK_REJECTED]);
      expect((await bookOf(catalog, low)).stockOps).toEqual([]);
    });

    it('rejected and answered, the taken line not yet given back', async () => {
      const [low, high] = [await addBook(catalog, 5), await addBook(catalog, 1)];
      const event = orderCreated(newOrderId(), [
        [low, 2],
        [high, 3],
      ]);
      const { orderId } = event.payload;
      const lines = [
        { bookId: low, quantity: 2 },
        { bookId: high, quantity: 3 },
      ];
      await catalog.ledger.take(orderId, lines[0], 0, async () => true);
      await catalog.reservationRepository.reject(
        orderId,
        lines,
        [{ bookId: high, requested: 3, available: 1 }],
        'short',
      );

      await catalog.events.onOrderCreated(event);
      await catalog.events.onOrderCreated(republished(event));

      expect((await bookOf(catalog, low)).stock).toBe(5);
      expect((await bookOf(catalog, low)).stockOps).toEqual([]);
      expect(await answersOf(orderId)).toEqual([STOCK_REJECTED]);
    });
  });

  it('gives back the lines already taken when a later one is short, and says why', async () => {
    const plenty = await addBook(catalog, 10);
    const scarce = await addBook(catalog, 1);
    const event = orderCreated(newOrderId(), [
      [plenty, 4],
      [scarce, 2],
    ]);
    await catalog.events.onOrderCreated(event);

    expect((await bookOf(catalog, plenty)).stock).toBe(10);
    expect((await bookOf(catalog, scarce)).stock).toBe(1);
    await catalog.relay.flush();
    const answers = catalog.publisher.forOrder(event.payload.orderId);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      type: STOCK_REJECTED,
      payload: { shortLines: [{ bookId: scarce, requested: 2, available: 1 }] },
    });
  });

  it('reserves nothing for an order whose cancellation arrived first', async () => {
    const book = await addBook(catalog, 3);
    const orderId = newOrderId();
    await catalog.events.onOrderCancelled(orderCancelled(orderId, [[book, 1]]));
    await catalog.events.onOrderCreated(orderCreated(orderId, [[book, 1]]));

    expect((await bookOf(catalog, book)).stock).toBe(3);
    expect((await bookOf(catalog, book)).stockOps).not.toContain(takenMarker(orderId));
    expect((await reservationOf(catalog, orderId)).status).toBe(ReservationStatus.Released);
    expect(await answersOf(orderId)).toEqual([]);
  });
});

/** Says the step got here, then waits until the spec lets it go on. */
async function pause(reached: { open: () => void }, resume: { opened: Promise<void> }): Promise<void> {
  reached.open();
  await resume.opened;
}
