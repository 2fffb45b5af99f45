/**
 * Integration: the reservation saga against the real MongoDB-compatible server and Redis, through
 * the event controller (inbox included). Outbox entries are inspected where they are stored; the
 * relay is not started, so nothing is published from here.
 */
import { randomUUID } from 'node:crypto';

import { ReservationStatus } from '@bookstore/catalog/domain';
import type { EventEnvelope, OrderCancelledPayload, OrderCreatedPayload } from '@bookstore/shared/contracts';
import {
  ORDER_CANCELLED,
  ORDER_CREATED,
  STOCK_REJECTED,
  STOCK_RELEASED,
  STOCK_RESERVED,
} from '@bookstore/shared/contracts';
import { DocumentLocksModule, InboxModule } from '@bookstore/shared/messaging';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import type { Connection, Model } from 'mongoose';
import { Types } from 'mongoose';

import { Book } from '../books/book.schema';
import { RedisCacheAdapter } from '../cache/redis-cache.adapter';
import { CACHE_PORT, CATALOG_CONFIG, CATALOG_OUTBOX } from '../catalog.tokens';
import { CATALOG_MODELS, CATALOG_PROVIDERS } from '../catalog-feature.module';
import { CatalogConfig } from '../config/catalog.config';
import { ReserveStockHandler } from './reserve-stock.handler';
import { StockEventsController } from './stock-events.controller';
import { StockLedger, takenMarker } from './stock-ledger';
import { StockReservation } from './stock-reservation.schema';

jest.setTimeout(180_000);

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('stock reservations (real MongoDB and Redis)', () => {
  let moduleRef: TestingModule;
  let cache: RedisCacheAdapter;
  let books: Model<Book>;
  let reservations: Model<StockReservation>;
  let events: StockEventsController;

  beforeAll(async () => {
    cache = await RedisCacheAdapter.connect(REDIS_URL, 500);
    moduleRef = await Test.createTestingModule({
      imports: [
        MongooseModule.forRoot(MONGO_URL, {
          dbName: `catalog_it_${randomUUID().slice(0, 8)}`,
          autoIndex: true,
        }),
        CATALOG_MODELS,
        DocumentLocksModule,
        InboxModule,
      ],
      controllers: [StockEventsController],
      providers: [
        { provide: CATALOG_CONFIG, useValue: new CatalogConfig() },
        { provide: CACHE_PORT, useValue: cache },
        // The relay is not under test here: events are asserted in the outboxes where they are stored.
        { provide: CATALOG_OUTBOX, useValue: { kick: () => undefined } },
        ...CATALOG_PROVIDERS,
      ],
    }).compile();
    await moduleRef.init();
    books = moduleRef.get(getModelToken(Book.name));
    reservations = moduleRef.get(getModelToken(StockReservation.name));
    events = moduleRef.get(StockEventsController);
    await Promise.all([books.init(), reservations.init()]);
  });

  afterAll(async () => {
    await moduleRef.get<Connection>(getConnectionToken()).dropDatabase();
    await moduleRef.close();
    await cache.close();
  });

  async function addBook(stock: number): Promise<string> {
    const isbn = `it-${randomUUID()}`;
    const book = await books.create({
      title: `Book ${isbn}`,
      author: 'Integration',
      isbn,
      isbnKey: isbn,
      priceCents: 1000,
      stock,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    return book._id.toHexString();
  }

  async function stockOf(id: string): Promise<Book> {
    const book = await books.findById(id).lean<Book>();
    if (!book) throw new Error(`book ${id} is missing`);
    return book;
  }

  async function reservationOf(orderId: string): Promise<StockReservation> {
    const reservation = await reservations.findById(orderId).lean<StockReservation>();
    if (!reservation) throw new Error(`reservation ${orderId} is missing`);
    return reservation;
  }

  function orderCreated(orderId: string, lines: [string, number][]): EventEnvelope<OrderCreatedPayload> {
    return envelope(ORDER_CREATED, {
      orderId,
      userId: new Types.ObjectId().toHexString(),
      items: lines.map(([bookId, quantity]) => ({ bookId, quantity, unitPriceCents: 1000 })),
      totalCents: 1000,
    });
  }

  function orderCancelled(orderId: string): EventEnvelope<OrderCancelledPayload> {
    return envelope(ORDER_CANCELLED, {
      orderId,
      userId: new Types.ObjectId().toHexString(),
      items: [],
      totalCents: 0,
    });
  }

  it('reserves exactly the stock there is under 200 concurrent orders and duplicate deliveries', async () => {
    // B gets the smaller id, so orders holding both take B first and must give it back when A is short.
    const bookB = await addBook(1000);
    const bookA = await addBook(50);
    const orders = Array.from({ length: 200 }, (_, i) => {
      const lines: [string, number][] =
        i % 5 === 0
          ? [
              [bookA, 1],
              [bookB, 2],
            ]
          : [[bookA, 1]];
      return orderCreated(`order-${randomUUID()}`, lines);
    });
    const deliveries = [
      ...orders,
      ...orders.slice(0, 30), // the same message redelivered (same eventId)
      ...orders.slice(30, 50).map((event) => ({ ...event, eventId: randomUUID() })), // published twice
    ];
    await deliver(deliveries, (event) => events.onOrderCreated(event));

    const stored = await reservations.find({ _id: { $in: orders.map((o) => o.payload.orderId) } }).lean();
    expect(stored).toHaveLength(200);
    const reserved = stored.filter((r) => r.status === ReservationStatus.Reserved);
    const rejected = stored.filter((r) => r.status === ReservationStatus.Rejected);
    expect(reserved).toHaveLength(50);
    expect(rejected).toHaveLength(150);
    for (const reservation of stored) {
      // Exactly one answer per order, of the kind its status says.
      expect(reservation.outbox).toHaveLength(1);
      expect(reservation.outbox[0].type).toBe(
        reservation.status === ReservationStatus.Reserved ? STOCK_RESERVED : STOCK_REJECTED,
      );
    }
    const a = await stockOf(bookA);
    const b = await stockOf(bookB);
    expect(a.stock).toBe(0);
    const reservedWithB = reserved.filter((r) => r.lines.some((line) => line.bookId === bookB)).length;
    expect(b.stock).toBe(1000 - 2 * reservedWithB);
    expect(a.stockOps).toEqual([]);
    expect(b.stockOps).toEqual([]);

    // Cancelling ten reserved orders, each delivered twice at once, returns their units once.
    const cancelled = reserved.slice(0, 10).map((r) => orderCancelled(r._id));
    await deliver([...cancelled, ...cancelled], (event) => events.onOrderCancelled(event));
    expect((await stockOf(bookA)).stock).toBe(10);
    for (const event of cancelled) {
      const after = await reservationOf(event.payload.orderId);
      expect(after.status).toBe(ReservationStatus.Released);
      expect(after.outbox.map((entry) => entry.type)).toEqual([STOCK_RESERVED, STOCK_RELEASED]);
    }
    // Cancelling a rejected order gives nothing back and answers nothing new.
    await events.onOrderCancelled(orderCancelled(rejected[0]._id));
    expect((await stockOf(bookA)).stock).toBe(10);
    expect((await reservationOf(rejected[0]._id)).outbox).toHaveLength(1);
  });

  it('finishes a reservation a crash left half-done without taking a line twice', async () => {
    const first = await addBook(5);
    const second = await addBook(5);
    const orderId = `order-${randomUUID()}`;
    const [low, high] = [first, second].sort();
    // A previous delivery created the reservation and took line 1, then died.
    await reservations.create({
      _id: orderId,
      status: ReservationStatus.Pending,
      lines: [
        { bookId: low, quantity: 2 },
        { bookId: high, quantity: 3 },
      ],
    });
    await moduleRef.get(StockLedger).take(orderId, { bookId: low, quantity: 2 });

    await events.onOrderCreated(
      orderCreated(orderId, [
        [low, 2],
        [high, 3],
      ]),
    );

    expect((await stockOf(low)).stock).toBe(3);
    expect((await stockOf(high)).stock).toBe(2);
    const reservation = await reservationOf(orderId);
    expect(reservation.status).toBe(ReservationStatus.Reserved);
    expect(reservation.outbox.map((entry) => entry.type)).toEqual([STOCK_RESERVED]);
    expect((await stockOf(low)).stockOps).not.toContain(takenMarker(orderId));
  });

  it('gives back the lines already taken when a later one is short, and says why', async () => {
    const plenty = await addBook(10);
    const scarce = await addBook(1);
    const orderId = `order-${randomUUID()}`;
    const status = await moduleRef.get(ReserveStockHandler).execute(
      orderCreated(orderId, [
        [plenty, 4],
        [scarce, 2],
      ]).payload,
    );

    expect(status).toBe(ReservationStatus.Rejected);
    expect((await stockOf(plenty)).stock).toBe(10);
    expect((await stockOf(scarce)).stock).toBe(1);
    const reservation = await reservationOf(orderId);
    expect(reservation.outbox).toHaveLength(1);
    expect(reservation.outbox[0]).toMatchObject({
      type: STOCK_REJECTED,
      payload: { orderId, shortLines: [{ bookId: scarce, requested: 2, available: 1 }] },
    });
  });

  it('reserves nothing for an order whose cancellation arrived first', async () => {
    const book = await addBook(3);
    const orderId = `order-${randomUUID()}`;
    await events.onOrderCancelled(orderCancelled(orderId));
    await events.onOrderCreated(orderCreated(orderId, [[book, 1]]));

    expect((await stockOf(book)).stock).toBe(3);
    const reservation = await reservationOf(orderId);
    expect(reservation.status).toBe(ReservationStatus.Released);
    expect(reservation.outbox).toHaveLength(1);
    expect(reservation.outbox[0]).toMatchObject({ type: STOCK_RELEASED, payload: { orderId, items: [] } });
  });
});

/**
 * Hands the deliveries to 32 concurrent consumers (the service's prefetch), in shuffled order. A
 * delivery that throws is retried, as the broker's retry queue would (SQLite-backed FerretDB
 * answers "database is locked" under bursts of writes).
 */
async function deliver<T>(deliveries: T[], handle: (delivery: T) => Promise<void>): Promise<void> {
  const queue = [...deliveries].sort(() => Math.random() - 0.5);
  const consumer = async () => {
    for (let delivery = queue.shift(); delivery !== undefined; delivery = queue.shift()) {
      for (let attempt = 1; ; attempt++) {
        try {
          await handle(delivery);
          break;
        } catch (error) {
          if (attempt >= 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: 32 }, consumer));
}

function envelope<T extends object>(type: string, payload: T): EventEnvelope<T> {
  return { eventId: randomUUID(), type, occurredAt: new Date().toISOString(), correlationId: 'it', payload };
}
