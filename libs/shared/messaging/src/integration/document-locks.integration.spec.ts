import { randomUUID } from 'node:crypto';

import type { Connection, Model } from 'mongoose';
import { createConnection, Schema } from 'mongoose';

import type { DocumentLock } from '../locks/document-lock.schema';
import { DocumentLockSchema } from '../locks/document-lock.schema';
import { DocumentLocks } from '../locks/document-locks';

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const run = randomUUID().slice(0, 8);

interface Counter {
  _id: string;
  value: number;
}

/**
 * Real MongoDB-compatible server: the locks must serialise a read-then-write (which FerretDB's
 * conditional updates do not), within one instance and across instances, while a queued caller
 * takes the lock over from the one before it instead of deleting and inserting it again.
 */
describe('DocumentLocks', () => {
  let mongo: Connection;
  let locks: Model<DocumentLock>;
  let counters: Model<Counter>;

  beforeAll(async () => {
    mongo = await createConnection(MONGO_URL, { dbName: `it_locks_${run}` }).asPromise();
    locks = mongo.model<DocumentLock>('DocumentLock', DocumentLockSchema);
    counters = mongo.model<Counter>('Counter', new Schema<Counter>({ _id: String, value: Number }));
  });

  afterAll(async () => {
    await mongo.dropDatabase();
    await mongo.close();
  });

  /** Reads, yields, writes: two of these at once lose an increment unless they are serialised. */
  async function increment(id: string): Promise<void> {
    const doc = await counters.findById(id).lean<Counter>().exec();
    await new Promise((resolve) => setTimeout(resolve, 1));
    await counters.updateOne({ _id: id }, { $set: { value: (doc?.value ?? 0) + 1 } }).exec();
  }

  it('serialises queued sections of one instance and hands the lock over instead of re-inserting it', async () => {
    const id = `one-${run}`;
    await counters.create({ _id: id, value: 0 });
    const instance = new DocumentLocks(locks);
    const create = jest.spyOn(locks, 'create');
    await Promise.all(Array.from({ length: 30 }, () => instance.run(`counter:${id}`, () => increment(id))));
    expect((await counters.findById(id).lean<Counter>())?.value).toBe(30);
    // Inserted again only when the hand-over window closed; typically once.
    expect(create.mock.calls.length).toBeLessThan(30);
    expect(await locks.countDocuments({ _id: `counter:${id}` })).toBe(0);
    create.mockRestore();
  });

  it('keeps two instances (two processes) mutually exclusive while each hands over within itself', async () => {
    const id = `two-${run}`;
    await counters.create({ _id: id, value: 0 });
    const [a, b] = [new DocumentLocks(locks), new DocumentLocks(locks)];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).run(`counter:${id}`, () => increment(id))),
    );
    expect((await counters.findById(id).lean<Counter>())?.value).toBe(40);
    expect(await locks.countDocuments({ _id: `counter:${id}` })).toBe(0);
  }, 60_000);

  it('releases the lock when a section fails, and the next caller still gets it', async () => {
    const instance = new DocumentLocks(locks);
    const key = `failing-${run}`;
    const failing = instance.run(key, () => Promise.reject(new Error('section failed')));
    const next = instance.run(key, () => Promise.resolve('ran'));
    await expect(failing).rejects.toThrow('section failed');
    await expect(next).resolves.toBe('ran');
    expect(await locks.countDocuments({ _id: key })).toBe(0);
  });
});
