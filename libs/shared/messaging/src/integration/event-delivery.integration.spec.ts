import { randomUUID } from 'node:crypto';

import { USER_REGISTERED } from '@bookstore/shared/contracts';
import type { INestMicroservice } from '@nestjs/common';
import type { Channel, ChannelModel } from 'amqplib';
import { connect } from 'amqplib';

import { createEnvelope } from '../publishing/create-envelope';
import { EventPublisher } from '../publishing/event-publisher';
import { declareTopology } from '../topology/assert-topology';
import { EVENTS_EXCHANGE } from '../topology/messaging.constants';
import { retryTierQueue } from '../topology/retry-tiers';
import { serviceQueues } from '../topology/service-queues';
import { Deliveries, startTestConsumer } from './test-consumer';

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const run = randomUUID().slice(0, 8);
/** Short retry tiers, so a failing event is parked within a second. */
const TIERS = [100, 200, 300];

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Against the real RabbitMQ that `npm test` starts: no broker mocks. */
describe('event delivery over RabbitMQ', () => {
  let connection: ChannelModel;
  let channel: Channel;
  const publisher = new EventPublisher([AMQP_URL]);
  const apps: INestMicroservice[] = [];
  const services: string[] = [];

  async function service(name: string, deliveries: Deliveries, fail = false): Promise<string> {
    const full = `it-${name}-${run}`;
    services.push(full);
    await declareTopology([AMQP_URL], {
      service: full,
      subscriptions: [USER_REGISTERED],
      retryTiersMs: TIERS,
    });
    apps.push(await startTestConsumer([AMQP_URL], full, deliveries, fail, TIERS));
    return full;
  }

  const publish = async (payload: object) => {
    const envelope = createEnvelope(USER_REGISTERED, {
      userId: '64b7f0c2a1b2c3d4e5f60718',
      email: 'reader@example.test',
      name: 'Reader',
      ...payload,
    });
    await publisher.publish(envelope);
    return envelope;
  };

  const messageCount = async (queue: string) => (await channel.checkQueue(queue)).messageCount;

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

  it('delivers one published event to every subscribing service, once each, and acks it', async () => {
    const first = new Deliveries();
    const second = new Deliveries();
    const a = await service('a', first);
    const b = await service('b', second);

    const event = await publish({});

    await waitFor(() => first.count(event.eventId) === 1 && second.count(event.eventId) === 1);
    // Closing the consumers hands every unacknowledged message back to its queue: an empty queue
    // afterwards proves each delivery was acked, with no sleep to wait for a (wrong) second one.
    await Promise.all(apps.splice(0).map((app) => app.close()));
    expect(await messageCount(serviceQueues(a).events)).toBe(0);
    expect(await messageCount(serviceQueues(b).events)).toBe(0);
    expect(first.count(event.eventId)).toBe(1);
    expect(second.count(event.eventId)).toBe(1);
  });

  it('retries a failing handler with delay, then parks the message in the dead-letter queue', async () => {
    const deliveries = new Deliveries();
    const name = await service('failing', deliveries, true);
    const queues = serviceQueues(name);

    const event = await publish({});

    await waitFor(async () => (await messageCount(queues.deadLetter)) === 1);
    expect(deliveries.count(event.eventId)).toBe(TIERS.length + 1);
    const parked = await channel.get(queues.deadLetter, { noAck: true });
    expect(parked && JSON.parse(parked.content.toString()).data.eventId).toBe(event.eventId);
    expect(parked && parked.properties.headers?.['x-failure-reason']).toBe('handler always fails');
    expect(await messageCount(queues.events)).toBe(0);
    expect(await messageCount(queues.retry)).toBe(0);
  });

  it('dead-letters a malformed event at once, without calling the handler', async () => {
    const deliveries = new Deliveries();
    const name = await service('poison', deliveries);
    const queues = serviceQueues(name);

    const event = await publish({ email: 'not-an-email' });

    await waitFor(async () => (await messageCount(queues.deadLetter)) === 1);
    expect(deliveries.count(event.eventId)).toBe(0);
  });

  it('publishes persistent messages to the durable topic exchange', async () => {
    const probe = `it-probe-${run}`;
    await channel.assertQueue(probe, { exclusive: true });
    await channel.bindQueue(probe, EVENTS_EXCHANGE, USER_REGISTERED);
    const event = await publish({});
    let message = await channel.get(probe, { noAck: true });
    for (
      let i = 0;
      i < 50 && (!message || JSON.parse(message.content.toString()).data.eventId !== event.eventId);
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      message = await channel.get(probe, { noAck: true });
    }
    expect(message && message.properties.deliveryMode).toBe(2);
    expect(message && message.fields.routingKey).toBe(USER_REGISTERED);
    expect(message && message.properties.headers?.['x-correlation-id']).toBe(event.correlationId);
  });
});
