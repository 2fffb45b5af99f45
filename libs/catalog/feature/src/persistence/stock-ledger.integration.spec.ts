/**
 * Integration: the tidy-up of reservation markers against the real MongoDB-compatible server.
 * Orders finishing together have their markers pulled in shared updates, and each `forget` still
 * resolves only once its own markers are gone.
 */
import { randomUUID } from 'node:crypto';

import { DocumentLock, DocumentLocks, DocumentLockSchema } from '@bookstore/shared/messaging';
import type { Connection, Model } from 'mongoose';
import { createConnection } from 'mongoose';

import { Book, BookSchema } from '../books/book.schema';
import { StockLedger, takenMarker } from './stock-ledger';

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';

describe('StockLedger.forget (real MongoDB)', () => {
  let mongo: Connection;
  let books: Model<Book>;
  let ledger: StockLedger;

  beforeAll(async () => {
    mongo = await createConnection(MONGO_URL, {
      dbName: `ledger_it_${randomUUID().slice(0, 8)}`,
    }).asPromise();
    books = mongo.model<Book>(Book.name, BookSchema) as unknown as Model<Book>;
    const locks = mongo.model<DocumentLock>(DocumentLock.name, DocumentLockSchema);
    ledger = new StockLedger(books, new DocumentLocks(locks as unknown as Model<DocumentLock>));
  });

  afterAll(async () => {
    await mongo.dropDatabase();
    await mongo.close();
  });

  async function bookWithMarkers(markers: string[]): Promise<string> {
    const isbn = `it-${randomUUID()}`;
    const book = await books.create({
      title: `Book ${isbn}`,
      author: 'Integration',
      isbn,
      isbnKey: isbn,
      priceCents: 1000,
      stock: 10,
      stockOps: markers,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    return book._id.toHexString();
  }

  const markersOf = async (id: string) => (await books.findById(id).lean<Book>())?.stockOps ?? [];

  it('drops the markers of orders finishing together in fewer updates than orders', async () => {
    const orders = Array.from({ length: 20 }, () => `order-${randomUUID()}`);
    const keep = takenMarker('still-pending');
    const bookId = await bookWithMarkers([...orders.map(takenMarker), keep]);
    const update = jest.spyOn(books, 'updateOne');
    await Promise.all(
      orders.map((orderId) => ledger.forget([{ bookId, quantity: 1 }], [takenMarker(orderId)])),
    );
    expect(update.mock.calls.length).toBeLessThan(orders.length);
    update.mockRestore();
    expect(await markersOf(bookId)).toEqual([keep]);
  });

  it('resolves each forget only once its own markers are gone, and retries a failed update', async () => {
    const [first, second] = [`order-${randomUUID()}`, `order-${randomUUID()}`];
    const bookId = await bookWithMarkers([takenMarker(first), takenMarker(second)]);
    const update = jest
      .spyOn(books, 'updateOne')
      .mockImplementationOnce(() => ({ exec: () => Promise.reject(new Error('unreachable')) }) as never);
    const failed = ledger.forget([{ bookId, quantity: 1 }], [takenMarker(first)]);
    const later = ledger.forget([{ bookId, quantity: 1 }], [takenMarker(second)]);
    await expect(failed).rejects.toThrow('unreachable');
    await later;
    update.mockRestore();
    // The failed batch went back to the queue, and the next turn pulled it with its own.
    expect(await markersOf(bookId)).toEqual([]);
  });
});
