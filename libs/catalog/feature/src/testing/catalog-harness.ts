/**
 * The catalog feature as the service wires it, on a throwaway database of the real
 * MongoDB-compatible server and the real Redis, for the integration specs. The outbox relay
 * publishes to an in-memory publisher: what it records is exactly what the broker would have been
 * asked to publish, and nothing leaks onto the shared RabbitMQ. The relay's sweep is not started.
 */
import { randomUUID } from 'node:crypto';

import type { EventEnvelope, OrderCancelledPayload, OrderCreatedPayload } from '@bookstore/shared/contracts';
import { ORDER_CANCELLED, ORDER_CREATED } from '@bookstore/shared/contracts';
import type { OutboxCollection } from '@bookstore/shared/persistence';
import { outboxCollectionToken, OutboxRelay } from '@bookstore/shared/persistence';
import { RecordingPublisher } from '@bookstore/shared/testing';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import type { Connection, Model } from 'mongoose';
import { Types } from 'mongoose';

import { RedisCacheAdapter } from '../adapters/redis-cache.adapter';
import { CACHE_PORT } from '../catalog.tokens';
import { CatalogFeatureModule } from '../catalog-feature.module';
import { CatalogConfig } from '../config/catalog.config';
import { Book } from '../persistence/book.schema';
import { ReservationRepository } from '../persistence/reservation.repository';
import { StockLedger } from '../persistence/stock-ledger';
import { StockReservation } from '../persistence/stock-reservation.schema';
import { CatalogEventsController } from '../transport/catalog-events.controller';
import { CatalogRpcController } from '../transport/catalog-rpc.controller';

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface CatalogHarness {
  moduleRef: TestingModule;
  books: Model<Book>;
  reservations: Model<StockReservation>;
  bookOutbox: OutboxCollection<Book>;
  events: CatalogEventsController;
  rpc: CatalogRpcController;
  ledger: StockLedger;
  reservationRepository: ReservationRepository;
  relay: OutboxRelay;
  publisher: RecordingPublisher;
  cache: RedisCacheAdapter;
}

export async function startCatalog(): Promise<CatalogHarness> {
  const publisher = new RecordingPublisher();
  const cache = await RedisCacheAdapter.connect(REDIS_URL, 500);
  const config = Object.assign(new CatalogConfig(), { CATALOG_SEED_DEMO: false });
  const moduleRef = await Test.createTestingModule({
    imports: [
      MongooseModule.forRoot(MONGO_URL, {
        dbName: `catalog_it_${randomUUID().slice(0, 8)}`,
        autoIndex: true,
      }),
      publisher.module(),
      CatalogFeatureModule.forRoot(config),
    ],
  })
    .overrideProvider(CACHE_PORT)
    .useValue(cache)
    .compile();
  const get = <T>(token: unknown): T => moduleRef.get<T>(token as string, { strict: false });
  const books = get<Model<Book>>(getModelToken(Book.name));
  const reservations = get<Model<StockReservation>>(getModelToken(StockReservation.name));
  // The unique indexes must exist before deliveries race on them.
  await Promise.all([books.init(), reservations.init()]);
  return {
    moduleRef,
    books,
    reservations,
    bookOutbox: get(outboxCollectionToken(Book.name)),
    events: get(CatalogEventsController),
    rpc: get(CatalogRpcController),
    ledger: get(StockLedger),
    reservationRepository: get(ReservationRepository),
    relay: get(OutboxRelay),
    publisher,
    cache,
  };
}

export async function stopCatalog(harness: CatalogHarness): Promise<void> {
  await harness.moduleRef.get<Connection>(getConnectionToken(), { strict: false }).dropDatabase();
  await harness.moduleRef.close();
  await harness.cache.close();
}

/** A live book with `stock` copies; ids grow with each call (lines are taken in id order). */
export async function addBook(harness: CatalogHarness, stock: number): Promise<string> {
  const isbn = `it-${randomUUID()}`;
  const now = new Date();
  const book = await harness.books.create({
    title: `Book ${isbn}`,
    author: 'Integration',
    isbn,
    isbnKey: isbn,
    priceCents: 1000,
    stock,
    createdAt: now,
    updatedAt: now,
  });
  return book._id.toHexString();
}

export async function bookOf(harness: CatalogHarness, id: string): Promise<Book> {
  // Markers are forgotten in the background (StockLedger.forgetSoon): settle them before reading.
  await harness.ledger.settle();
  const book = await harness.books.findById(id).lean<Book>();
  if (!book) throw new Error(`book ${id} is missing`);
  return book;
}

export async function reservationOf(harness: CatalogHarness, orderId: string): Promise<StockReservation> {
  const reservation = await harness.reservations.findById(orderId).lean<StockReservation>();
  if (!reservation) throw new Error(`reservation ${orderId} is missing`);
  return reservation;
}

export type Lines = [bookId: string, quantity: number][];

export function orderCreated(orderId: string, lines: Lines): EventEnvelope<OrderCreatedPayload> {
  return envelope(ORDER_CREATED, {
    orderId,
    userId: new Types.ObjectId().toHexString(),
    items: lines.map(([bookId, quantity]) => ({ bookId, quantity, unitPriceCents: 1000 })),
    totalCents: 1000,
  });
}

export function orderCancelled(orderId: string, lines: Lines): EventEnvelope<OrderCancelledPayload> {
  return envelope(ORDER_CANCELLED, {
    orderId,
    userId: new Types.ObjectId().toHexString(),
    items: lines.map(([bookId, quantity]) => ({ bookId, quantity, unitPriceCents: 1000 })),
    totalCents: 1000,
  });
}

/** The same fact published again: same payload, a new eventId. */
export function republished<T extends object>(event: EventEnvelope<T>): EventEnvelope<T> {
  return { ...event, eventId: randomUUID() };
}

export const newOrderId = () => `order-${randomUUID()}`;

/**
 * Delivers as a copy that made its first reads (the books, then the reservation) before
 * `meanwhile` ran, and stalled: those two reads answer as they did then; every later read and
 * write meets the server as it is. This is how a duplicate running alongside its twin can lag.
 */
export async function deliverStalled(
  harness: CatalogHarness,
  orderId: string,
  lines: Lines,
  meanwhile: () => Promise<unknown>,
  delivery: () => Promise<unknown>,
): Promise<void> {
  const books = await harness.ledger.view(lines.map(([bookId, quantity]) => ({ bookId, quantity })));
  const found = await harness.reservationRepository.find(orderId);
  await meanwhile();
  const view = jest.spyOn(harness.ledger, 'view').mockResolvedValueOnce(books);
  const find = jest.spyOn(harness.reservationRepository, 'find').mockResolvedValueOnce(found);
  try {
    await delivery();
  } finally {
    view.mockRestore();
    find.mockRestore();
  }
}

/** A point a spec opens when it wants a paused step to go on. */
export function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/**
 * Hands the deliveries to `consumers` concurrent consumers (the service's prefetch), in shuffled
 * order. A delivery that throws is delivered again, at most 3 more times, as the broker's retry
 * queue would before parking it; a fourth failure fails the spec.
 */
export async function deliver<T>(
  deliveries: readonly T[],
  handle: (delivery: T) => Promise<unknown>,
  consumers = 32,
): Promise<void> {
  const queue = shuffled(deliveries);
  const consume = async () => {
    for (let delivery = queue.shift(); delivery !== undefined; delivery = queue.shift()) {
      for (let attempt = 1; ; attempt++) {
        try {
          await handle(delivery);
          break;
        } catch (error) {
          if (attempt >= 4) throw error;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: consumers }, consume));
}

export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function envelope<T extends object>(type: string, payload: T): EventEnvelope<T> {
  return { eventId: randomUUID(), type, occurredAt: new Date().toISOString(), correlationId: 'it', payload };
}
