/**
 * Integration: forgetting stock markers against the real MongoDB-compatible server. Orders that
 * finish together on one book have their markers pulled in shared updates, each `forget` resolves
 * only once its own markers are gone, and every pull moves the book's fence.
 */
import { randomUUID } from 'node:crypto';

import type { Connection, Model } from 'mongoose';
import { createConnection } from 'mongoose';

import { Book, BookSchema } from './book.schema';
import { StockLedger, takenMarker } from './stock-ledger';

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';

describe('StockLedger.forget (real MongoDB)', () => {
  let mongo: Connection;
  let books: Model<Book>;
  let ledger: StockLedger;

  beforeAll(async () => {
    mongo = await createConnection(MONGO_URL, {
      dbName: `catalog_it_${randomUUID().slice(0, 8)}`,
    }).asPromise();
    books = mongo.model<Book>(Book.name, BookSchema) as unknown as Model<Book>;
    ledger = new StockLedger(books);
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

  const stored = async (id: string) => {
    const book = await books.findById(id).lean<Book>();
    return { markers: book?.stockOps ?? [], fence: book?.stockOpsEpoch };
  };

  it('drops the markers of orders finishing together on one book in fewer updates than orders', async () => {
    const orders = Array.from({ length: 20 }, () => `order-${randomUUID()}`);
    const keep = takenMarker('still-pending');
    const bookId = await bookWithMarkers([...orders.map(takenMarker), keep]);
    const update = jest.spyOn(books, 'updateOne');
    await Promise.all(
      orders.map((orderId) => ledger.forget([{ bookId, quantity: 1 }], [takenMarker(orderId)])),
    );
    const updates = update.mock.calls.length;
    update.mockRestore();

    expect(updates).toBeLessThan(orders.length);
    expect(await stored(bookId)).toEqual({ markers: [keep], fence: updates });
  });

  it('fails the forgets of a failed pull and keeps their markers; the next pull still goes out', async () => {
    const [first, second] = [`order-${randomUUID()}`, `order-${randomUUID()}`];
    const bookId = await bookWithMarkers([takenMarker(first), takenMarker(second)]);
    const update = jest
      .spyOn(books, 'updateOne')
      .mockImplementationOnce(() => ({ exec: () => Promise.reject(new Error('unreachable')) }) as never);
    await expect(ledger.forget([{ bookId, quantity: 1 }], [takenMarker(first)])).rejects.toThrow(
      'unreachable',
    );
    await ledger.forget([{ bookId, quantity: 1 }], [takenMarker(second)]);
    update.mockRestore();

    // The failed one is still there (harmless: it only stops moves of its own order) until a later
    // forget of that order pulls it.
    expect((await stored(bookId)).markers).toEqual([takenMarker(first)]);
    await ledger.forget([{ bookId, quantity: 1 }], [takenMarker(first)]);
    expect((await stored(bookId)).markers).toEqual([]);
  });
});
