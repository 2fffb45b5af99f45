import { randomUUID } from 'node:crypto';

import { USER_REGISTERED } from '@bookstore/shared/contracts';
import type { INestMicroservice } from '@nestjs/common';
import type { Channel, ChannelModel } from 'amqplib';
import { connect } from 'amqplib';

import { ATTEMPTS_HEADER } from '../consuming/rmq-message';
import { createEnvelope } from '../publishing/create-envelope';
import { EventPublisher } from '../publishing/event-publisher';
import { declareTopology } from '../topology/assert-topology';
import { retryTierQueue } from '../topology/retry-tiers';
import { serviceQueues } from '../topology/service-queues';
import { Deliveries, startTestConsumer } from './test-consumer';

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const run = randomUUID().slice(0, 8);
/** Short tiers, growing like the real ones (1 s, 10 s, 1 min, 10 min), so the spec runs in seconds. */
const TIERS = [100, 400, 800];

/** What the MongoDB driver throws while no primary can be selected (matched by name, as in production). */
function serverSelectionError(): Error {
  const error = new Error('Server selection timed out after 5000 ms');
  error.name = 'MongoServerSelectionError';
  return error;
}

// Generous: on a loaded machine a quorum queue's at-least-once dead-lettering (TTL expiry back to the
// events queue) was seen to take well over 45 s; an unloaded run needs about 3 s a test.
async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Retry tiers and outage retries against the real RabbitMQ that `npm test` starts. */
describe('retry tiers over RabbitMQ', () => {
  // Declaring a service's quorum queues takes seconds on a busy broker, and a loaded machine (the
  // full suite runs specs side by side) stretches every wait.
  jest.setTimeout(400_000);

  let connection: ChannelModel;
  let channel: Channel;
  const publisher = new EventPublisher([AMQP_URL]);
  const apps: INestMicroservice[] = [];
  const services: string[] = [];

  async function service(
    name: string,
    deliveries: Deliveries,
    fail: (delivery: number, eventId: string) => Error | null,
  ) {
    const full = `it-tiers-${name}-${run}`;
    services.push(full);
    await declareTopology([AMQP_URL], {
      service: full,
      subscriptions: [USER_REGISTERED],
      retryTiersMs: TIERS,
    });
    apps.push(await startTestConsumer([AMQP_URL], full, deliveries, fail, TIERS));
    return serviceQueues(full);
  }

  const envelope = () =>
    createEnvelope(USER_REGISTERED, {
      userId: '64b7f0c2a1b2c3d4e5f60718',
      email: 'reader@example.test',
      name: 'Reader',
    });

  const publish = async (event = envelope()) => {
    await publisher.publish(event);
    return event;
  };

  /**
   * The parked copies of `eventId` (other specs publish user.registered too, and every test queue
   * is bound to it: only this spec's own event counts).
   */
  async function parked(queue: string, eventId: string) {
    const found = [];
    for (
      let message = await channel.get(queue, { noAck: true });
      message;
      message = await channel.get(queue, { noAck: true })
    ) {
      if (JSON.parse(message.content.toString()).data.eventId === eventId) found.push(message);
    }
    return found;
  }

  beforeAll(async () => {
    connection = await connect(AMQP_URL);
    channel = await connection.createChannel();
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    for (const name of services) {
      for (const queue of Object.values(serviceQueues(name))) await channel.deleteQueue(queue);
      for (const delayMs of TIERS) await channel.deleteQueue(retryTierQueue(name, delayMs));
    }
    await publisher.onApplicationShutdown();
    await connection.close();
  });

  it('waits longer before each retry (one tier per attempt), then parks with the attempt count', async () => {
    const deliveries = new Deliveries();
    const times: number[] = [];
    let watched = '';
    const queues = await service('backoff', deliveries, (_delivery, eventId) => {
      if (eventId === watched) times.push(Date.now());
      return new Error('handler always fails');
    });

    // Watched before it is published: on a loaded machine the first delivery can arrive before the
    // publisher's confirm does (it was then missed, and the spec waited for one delivery too many).
    const event = envelope();
    watched = event.eventId;
    await publish(event);

    await waitFor(() => times.length === TIERS.length + 1);
    let copies: Awaited<ReturnType<typeof parked>> = [];
    await waitFor(async () => (copies = await parked(queues.deadLetter, watched)).length === 1);
    await new Promise((resolve) => setTimeout(resolve, TIERS[TIERS.length - 1]));
    expect(times).toHaveLength(TIERS.length + 1);
    const gaps = times.slice(1).map((at, i) => at - times[i]);
    // Each wait lasts at least its tier (the old single retry queue waited one delay every time);
    // no upper bound: a loaded machine only makes waits longer.
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(TIERS[i] - 20));
    expect(copies[0].properties.headers?.[ATTEMPTS_HEADER]).toBe(TIERS.length + 1);
    expect(copies[0].properties.headers?.['x-original-routing-key']).toBe(USER_REGISTERED);
  });

  it('does not spend attempts on an outage: fails unavailable more often than there are tiers, then succeeds', async () => {
    const deliveries = new Deliveries();
    const outageDeliveries = TIERS.length + 3;
    const queues = await service('outage', deliveries, (delivery) =>
      delivery <= outageDeliveries ? serverSelectionError() : null,
    );

    const event = await publish();

    await waitFor(() => deliveries.count(event.eventId) === outageDeliveries + 1, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deliveries.count(event.eventId)).toBe(outageDeliveries + 1);
    expect(await parked(queues.deadLetter, event.eventId)).toHaveLength(0);
  });

  it('still parks a message that fails for its own reasons after an outage, with every attempt left', async () => {
    const deliveries = new Deliveries();
    const queues = await service('mixed', deliveries, (delivery) =>
      delivery <= 2 ? serverSelectionError() : new Error('handler always fails'),
    );

    const event = await publish();

    await waitFor(async () => (await parked(queues.deadLetter, event.eventId)).length === 1);
    expect(deliveries.count(event.eventId)).toBe(2 + TIERS.length + 1);
  });
});
