import { randomUUID } from 'node:crypto';

import { USER_REGISTERED } from '@bookstore/shared/contracts';
import { createEnvelope, EventPublisher, EVENTS_EXCHANGE } from '@bookstore/shared/messaging';
import type { OutboxEntry } from '@bookstore/shared/persistence';
import { OutboxCollection, OutboxEntrySchema, OutboxRelay } from '@bookstore/shared/persistence';
import { eventually, PrivateBroker } from '@bookstore/shared/testing';
import type { Channel, ChannelModel } from 'amqplib';
import { connect } from 'amqplib';
import type { Connection, Model } from 'mongoose';
import { createConnection, Schema } from 'mongoose';

jest.setTimeout(180_000);

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const run = randomUUID().slice(0, 8);

interface Account {
  _id: string;
  state: string;
  outbox: OutboxEntry[];
}

const event = (name: string) =>
  createEnvelope(USER_REGISTERED, {
    userId: '64b7f0c2a1b2c3d4e5f60718',
    email: `${name}@example.test`,
    name,
  });

/** A durable queue bound to the events exchange, read back message by message. */
class Probe {
  private constructor(
    private readonly channel: Channel,
    readonly queue: string,
  ) {}

  static async bind(amqp: ChannelModel, queue: string): Promise<Probe> {
    const channel = await amqp.createChannel();
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    await channel.assertQueue(queue, { durable: true });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, USER_REGISTERED);
    return new Probe(channel, queue);
  }

  /** Every event id waiting in the queue, in order, taken out of it. */
  async drain(): Promise<string[]> {
    const ids: string[] = [];
    for (
      let m = await this.channel.get(this.queue, { noAck: true });
      m;
      m = await this.channel.get(this.queue, { noAck: true })
    ) {
      ids.push(JSON.parse(m.content.toString()).data.eventId);
    }
    return ids;
  }

  /** Waits until `count` messages arrived, then takes them (and anything else waiting). */
  async take(count: number): Promise<string[]> {
    const got: string[] = [];
    await eventually(
      async () => got.push(...(await this.drain())),
      () => got.length >= count,
      { timeoutMs: 60_000, intervalMs: 50 },
    );
    return got;
  }

  async delete(): Promise<void> {
    await this.channel.deleteQueue(this.queue);
    await this.channel.close();
  }
}

/** Real MongoDB-compatible server and RabbitMQ: the relay's guarantees, not a mock's. */
describe('OutboxRelay with OutboxCollection (real MongoDB and RabbitMQ)', () => {
  let mongo: Connection;
  let accounts: Model<Account>;

  beforeAll(async () => {
    mongo = await createConnection(MONGO_URL, { dbName: `it_outbox_${run}` }).asPromise();
    accounts = mongo.model<Account>(
      'Account',
      new Schema<Account>({ _id: String, state: String, outbox: { type: [OutboxEntrySchema], default: [] } }),
    );
  });

  afterAll(async () => {
    await mongo.dropDatabase();
    await mongo.close();
  });

  const stored = async (id: string) =>
    (await accounts.findById(id).lean())?.outbox.map((e) => e.eventId) ?? [];

  describe('on the shared broker', () => {
    let amqp: ChannelModel;
    let probe: Probe;
    let publisher: EventPublisher;
    let relay: OutboxRelay;
    let collection: OutboxCollection<Account>;

    beforeAll(async () => {
      amqp = await connect(AMQP_URL);
      probe = await Probe.bind(amqp, `it-outbox-${run}`);
      publisher = new EventPublisher([AMQP_URL]);
      relay = new OutboxRelay(publisher, [accounts as never], { sweepIntervalMs: 200, graceMs: 500 });
      collection = new OutboxCollection(accounts, relay);
      await relay.onApplicationBootstrap();
    });

    afterAll(async () => {
      await relay.onApplicationShutdown();
      await publisher.onApplicationShutdown();
      await probe.delete();
      await amqp.close();
    });

    it('publishes what each write stored, in order per document, and removes exactly that', async () => {
      const docs = Array.from({ length: 60 }, (_, i) => ({
        id: `h${i}-${run}`,
        events: [event('a'), event('b')],
      }));
      await Promise.all(docs.map((doc) => collection.insert({ _id: doc.id, state: 'new' }, doc.events)));
      const third = docs.map((doc) => ({ ...doc, next: event('c') }));
      await Promise.all(
        third.map((doc) => collection.update({ _id: doc.id }, { $set: { state: 'next' } }, [doc.next])),
      );

      const published = await probe.take(60 * 3);
      expect(published).toHaveLength(60 * 3);
      expect(new Set(published).size).toBe(60 * 3);
      for (const doc of third) {
        const order = [...doc.events, doc.next].map((e) => published.indexOf(e.eventId));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
      await eventually(
        () => accounts.countDocuments({ 'outbox.0': { $exists: true }, _id: { $in: docs.map((d) => d.id) } }),
        (left) => left === 0,
      );
    });

    it('does not store or publish the events of a write whose condition did not match', async () => {
      const id = `cond-${run}`;
      await collection.insert({ _id: id, state: 'open' }, []);
      const matched = await collection.update({ _id: id, state: 'closed' }, { $set: { state: 'x' } }, [
        event('no'),
      ]);
      expect(matched).toBe(false);
      expect(await stored(id)).toEqual([]);
      expect(await probe.drain()).toEqual([]);
    });

    it('publishes on its sweep an event that a crash kept from being handed off', async () => {
      // Stored by a process that died before its hand-off: straight into the collection.
      const orphan = event('orphan');
      await accounts.collection.insertOne({ _id: `orphan-${run}`, state: 'x', outbox: [orphan] } as never);
      expect(await probe.take(1)).toEqual([orphan.eventId]);
      await eventually(
        () => stored(`orphan-${run}`),
        (left) => left.length === 0,
      );
    });
  });

  describe('across a broker crash and restart', () => {
    let broker: PrivateBroker;
    let amqp: ChannelModel;

    beforeAll(async () => {
      broker = await PrivateBroker.start();
    });

    afterAll(async () => {
      await amqp?.close().catch(() => undefined);
      await broker.destroy();
    });

    it('keeps every event while the broker is down and publishes each once it is back', async () => {
      amqp = await connect(broker.url);
      await Probe.bind(amqp, 'it-outbox-restart');
      await amqp.close().catch(() => undefined);
      const publisher = new EventPublisher([broker.url]);
      let refused = 0;
      const counting = {
        publish: (e: Parameters<EventPublisher['publish']>[0]) =>
          publisher.publish(e).catch((error: unknown) => {
            refused++;
            throw error;
          }),
      };
      const relay = new OutboxRelay(counting, [accounts as never], { sweepIntervalMs: 300, graceMs: 300 });
      const collection = new OutboxCollection(accounts, relay);
      await relay.onApplicationBootstrap();
      let before = event('before');
      let during: { id: string; e: ReturnType<typeof event> }[] = [];
      try {
        before = event('before');
        await collection.insert({ _id: `r0-${run}`, state: 'x' }, [before]);
        await eventually(
          () => stored(`r0-${run}`),
          (left) => left.length === 0,
        );

        await broker.kill();
        during = Array.from({ length: 10 }, (_, i) => ({ id: `r${i + 1}-${run}`, e: event(`d${i}`) }));
        await Promise.all(during.map((d) => collection.insert({ _id: d.id, state: 'x' }, [d.e])));
        // Nothing can be confirmed: every hand-off gives up, and every event is still stored.
        await eventually(
          async () => refused,
          (count) => count >= during.length,
          { timeoutMs: 60_000 },
        );
        for (const d of during) expect(await stored(d.id)).toEqual([d.e.eventId]);

        await broker.restart();
        await eventually(
          async () => (await Promise.all(during.map((d) => stored(d.id)))).flat().length,
          (left) => left === 0,
          { timeoutMs: 90_000, intervalMs: 250 },
        );
      } finally {
        await relay.onApplicationShutdown();
        await publisher.onApplicationShutdown();
      }
      amqp = await connect(broker.url);
      const probe = await Probe.bind(amqp, 'it-outbox-restart');
      const published = await probe.drain();
      // The queue is durable and the messages persistent: the one from before the crash is there too.
      expect(new Set(published)).toEqual(new Set([before.eventId, ...during.map((d) => d.e.eventId)]));
    });
  });
});
