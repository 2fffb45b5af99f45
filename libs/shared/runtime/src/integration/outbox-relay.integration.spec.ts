import { randomUUID } from 'node:crypto';

import { USER_REGISTERED } from '@bookstore/shared/contracts';
import type { Channel, ChannelModel } from 'amqplib';
import { connect } from 'amqplib';
import type { Connection, Model } from 'mongoose';
import { createConnection, Schema } from 'mongoose';

import type { OutboxEntry } from '../outbox/outbox-entry.schema';
import { OutboxEntrySchema } from '../outbox/outbox-entry.schema';
import { OutboxRelay } from '../outbox/outbox-relay';
import { createEnvelope } from '../publishing/create-envelope';
import { EventPublisher } from '../publishing/event-publisher';
import { EVENTS_EXCHANGE } from '../topology/messaging.constants';

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const run = randomUUID().slice(0, 8);

interface Account {
  _id: string;
  outbox: OutboxEntry[];
}

const event = (name: string) =>
  createEnvelope(USER_REGISTERED, {
    userId: '64b7f0c2a1b2c3d4e5f60718',
    email: `${name}@example.test`,
    name,
  });

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Real MongoDB-compatible server and RabbitMQ: the relay's guarantees, not a mock's. */
describe('OutboxRelay', () => {
  let mongo: Connection;
  let accounts: Model<Account>;
  let amqp: ChannelModel;
  let channel: Channel;
  const probe = `it-outbox-${run}`;

  beforeAll(async () => {
    mongo = await createConnection(MONGO_URL, { dbName: `it_outbox_${run}` }).asPromise();
    accounts = mongo.model<Account>(
      'Account',
      new Schema<Account>({ _id: String, outbox: { type: [OutboxEntrySchema], default: [] } }),
    );
    amqp = await connect(AMQP_URL);
    channel = await amqp.createChannel();
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    await channel.assertQueue(probe, { exclusive: true });
    await channel.bindQueue(probe, EVENTS_EXCHANGE, USER_REGISTERED);
  });

  afterAll(async () => {
    await mongo.dropDatabase();
    await mongo.close();
    await amqp.close();
  });

  // Straight to the collection, as a service's single-document write would store it.
  const insert = (...docs: object[]) => accounts.collection.insertMany(docs as never[]);

  async function drainProbe(): Promise<string[]> {
    const ids: string[] = [];
    for (
      let message = await channel.get(probe, { noAck: true });
      message;
      message = await channel.get(probe, { noAck: true })
    ) {
      ids.push(JSON.parse(message.content.toString()).data.eventId);
    }
    return ids;
  }

  it('publishes every pending event in order and empties the outboxes', async () => {
    const [a1, a2, b1] = [event('a1'), event('a2'), event('b1')];
    await insert({ _id: `a-${run}`, outbox: [a1, a2] }, { _id: `b-${run}`, outbox: [b1] });
    const publisher = new EventPublisher(AMQP_URL);
    try {
      await new OutboxRelay(publisher, [accounts as never]).flush();
    } finally {
      await publisher.onApplicationShutdown();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const published = await drainProbe();
    expect(published).toEqual(expect.arrayContaining([a1.eventId, a2.eventId, b1.eventId]));
    expect(published.indexOf(a1.eventId)).toBeLessThan(published.indexOf(a2.eventId));
    const left = await accounts.find({ 'outbox.0': { $exists: true } }).lean();
    expect(left).toEqual([]);
  });

  it('keeps every event while the broker cannot confirm, and publishes them once it can', async () => {
    const pending = event('outage');
    await insert({ _id: `c-${run}`, outbox: [pending] });
    const unreachable = new EventPublisher('amqp://guest:guest@127.0.0.1:1');
    try {
      await expect(new OutboxRelay(unreachable, [accounts as never]).flush()).rejects.toThrow();
    } finally {
      await unreachable.onApplicationShutdown().catch(() => undefined);
    }
    const kept = await accounts.findById(`c-${run}`).lean();
    expect(kept?.outbox.map((entry) => entry.eventId)).toEqual([pending.eventId]);

    const publisher = new EventPublisher(AMQP_URL);
    try {
      await new OutboxRelay(publisher, [accounts as never]).flush();
    } finally {
      await publisher.onApplicationShutdown();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await drainProbe()).toEqual([pending.eventId]);
  }, 30_000);

  it('publishes a kicked document by its _id, without scanning the collection', async () => {
    const kicked = event('kicked');
    await insert({ _id: `k-${run}`, outbox: [kicked] });
    const publisher = new EventPublisher(AMQP_URL);
    const find = jest.spyOn(accounts, 'find');
    const relay = new OutboxRelay(publisher, [accounts as never]);
    try {
      // Not bootstrapped: no start-up sweep, so only the kick can publish it.
      relay.kick({ model: accounts.modelName, id: `k-${run}` });
      await waitUntil(async () => !(await accounts.findById(`k-${run}`).lean())?.outbox.length);
    } finally {
      await relay.onApplicationShutdown();
      await publisher.onApplicationShutdown();
    }
    const filters = find.mock.calls.map(([filter]) => filter as unknown as Record<string, unknown>);
    find.mockRestore();
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((filter) => filter['_id'] === `k-${run}`)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await drainProbe()).toEqual([kicked.eventId]);
  });

  it('still publishes, on its sweep, an event whose write never kicked it', async () => {
    const forgotten = event('forgotten');
    await insert({ _id: `f-${run}`, outbox: [forgotten] });
    const publisher = new EventPublisher(AMQP_URL);
    const relay = new OutboxRelay(publisher, [accounts as never]);
    try {
      // Another document's kick must not make it skip the sweep it starts with.
      relay.kick({ model: accounts.modelName, id: `other-${run}` });
      relay.onApplicationBootstrap();
      await waitUntil(async () => !(await accounts.findById(`f-${run}`).lean())?.outbox.length);
    } finally {
      await relay.onApplicationShutdown();
      await publisher.onApplicationShutdown();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await drainProbe()).toEqual([forgotten.eventId]);
  });
});
