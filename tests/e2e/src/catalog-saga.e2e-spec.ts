/**
 * The catalog's side of the order saga over the real broker: order.created / order.cancelled are
 * published to the topic exchange (as the orders service would), and the stock.* answers are read
 * from a test queue bound to the same exchange.
 */
import { randomUUID } from 'node:crypto';

import { api, eventually, unique } from '@bookstore/shared/testing';
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { connect } from 'amqplib';

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const EXCHANGE = 'bookstore.events';
const ADMIN_EMAIL = process.env['ADMIN_EMAIL'] ?? 'admin@bookstore.local';
const ADMIN_PASSWORD = process.env['ADMIN_PASSWORD'] ?? 'ChangeMe123!';
const CATALOG_METRICS = `http://127.0.0.1:${process.env['CATALOG_OPS_PORT'] ?? '9102'}/metrics`;

/** How many `order.created` deliveries the catalog has handled and acked, from its own metrics. */
async function createdHandled(): Promise<number> {
  const text = await (await fetch(CATALOG_METRICS)).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('bookstore_messages_handled_total{') &&
        l.includes('pattern="order.created.v1"') &&
        l.includes('outcome="ack"'),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}

interface Answer {
  eventId: string;
  type: string;
  payload: { orderId: string; items?: { bookId: string; quantity: number }[] };
}

function isbn13(): string {
  const body = `979${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

describe('catalog stock reservation over RabbitMQ', () => {
  let connection: ChannelModel;
  let channel: Channel;
  const answers: Answer[] = [];
  const userId = '65a0000000000000000000aa';

  beforeAll(async () => {
    connection = await connect(AMQP_URL);
    channel = await connection.createChannel();
    await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
    const { queue } = await channel.assertQueue(`e2e.catalog.${randomUUID()}`, { exclusive: true });
    await channel.bindQueue(queue, EXCHANGE, 'stock.#');
    await channel.consume(
      queue,
      (message: ConsumeMessage | null) => {
        // Nest's wire format: { pattern, data: envelope }.
        if (message) answers.push((JSON.parse(message.content.toString()) as { data: Answer }).data);
      },
      { noAck: true },
    );
  });

  afterAll(async () => {
    await channel?.close();
    await connection?.close();
  });

  function publish(type: string, payload: object, eventId: string = randomUUID()): { eventId: string } {
    const envelope = {
      eventId,
      type,
      occurredAt: new Date().toISOString(),
      correlationId: unique('e2e'),
      payload,
    };
    channel.publish(EXCHANGE, type, Buffer.from(JSON.stringify({ pattern: type, data: envelope })), {
      persistent: true,
      messageId: eventId,
      contentType: 'application/json',
    });
    return { eventId };
  }

  const answersFor = (orderId: string) => answers.filter((answer) => answer.payload.orderId === orderId);
  const distinct = (list: Answer[]) => [...new Map(list.map((answer) => [answer.eventId, answer])).values()];

  it('reserves exactly the 50 units there are for 200 concurrent orders, duplicates included', async () => {
    const login = await api('POST', '/api/v1/auth/login', {
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    const admin = login.body.accessToken as string;
    const created = await api('POST', '/api/v1/books', {
      token: admin,
      body: { title: unique('Saga Book'), author: 'E2E', isbn: isbn13(), priceCents: 1000, stock: 50 },
    });
    expect(created.status).toBe(201);
    const bookId = created.body.id as string;

    const orders = Array.from({ length: 200 }, () => ({
      orderId: `e2e-${randomUUID()}`,
      userId,
      items: [{ bookId, quantity: 1, unitPriceCents: 1000 }],
      totalCents: 1000,
    }));
    const handledBefore = await createdHandled();
    const sent = orders.map((order) => publish('order.created.v1', order));
    orders.slice(0, 20).forEach((order, i) => publish('order.created.v1', order, sent[i].eventId)); // redelivered
    orders.slice(20, 30).forEach((order) => publish('order.created.v1', order)); // published twice

    await eventually(
      async () => orders.filter((order) => answersFor(order.orderId).length > 0).length,
      (answered) => answered === orders.length,
      { timeoutMs: 150_000, intervalMs: 500 },
    );
    // Every delivery, duplicates included, handled and acked: a (wrong) second answer would have
    // been stored and handed to the relay by now, and the relay publishes it within milliseconds.
    await eventually(createdHandled, (handled) => handled >= handledBefore + orders.length + 30, {
      timeoutMs: 60_000,
      intervalMs: 200,
    });
    await eventually(
      async () => answers.length,
      (count) => count >= orders.length,
      { timeoutMs: 5000 },
    );

    const outcomes = orders.map((order) => distinct(answersFor(order.orderId)));
    for (const outcome of outcomes) expect(outcome).toHaveLength(1);
    const types = outcomes.map((outcome) => outcome[0].type);
    expect(types.filter((type) => type === 'stock.reserved.v1')).toHaveLength(50);
    expect(types.filter((type) => type === 'stock.rejected.v1')).toHaveLength(150);
    expect((await api('GET', `/api/v1/books/${bookId}`)).body.stock).toBe(0);

    // Cancelling five reserved orders (each delivered twice) puts exactly five units back.
    const reserved = orders.filter((_, i) => types[i] === 'stock.reserved.v1').slice(0, 5);
    for (const order of reserved) {
      const event = publish('order.cancelled.v1', { ...order, reason: 'e2e' });
      publish('order.cancelled.v1', { ...order, reason: 'e2e' }, event.eventId);
    }
    await eventually(
      async () =>
        reserved.filter((order) => answersFor(order.orderId).some((a) => a.type === 'stock.released.v1')),
      (released) => released.length === reserved.length,
      { timeoutMs: 30_000, intervalMs: 300 },
    );
    const stock = await eventually(
      async () => (await api('GET', `/api/v1/books/${bookId}`)).body.stock as number,
      (value) => value === 5,
      { timeoutMs: 5000 },
    );
    expect(stock).toBe(5);
    for (const order of reserved) {
      const released = distinct(answersFor(order.orderId)).filter((a) => a.type === 'stock.released.v1');
      expect(released).toHaveLength(1);
      expect(released[0].payload.items).toEqual([{ bookId, quantity: 1 }]);
    }
  }, 240_000);
});
