/**
 * A saga that always ends (issue 13, item 4), over HTTP against the real services and broker:
 * an order's `stock.reserved` is parked in the orders service's dead-letter queue, then
 * - listed by the admin route and, replayed, completes its order;
 * - or left parked: the saga deadline rejects the order (`timeout`) and its stock comes back, and a
 *   replay of the late reservation afterwards changes neither.
 *
 * How the reservation gets parked without a hook in production code: the spec takes the orders
 * service's events queue off `stock.reserved` for the moment the order is placed and catches the
 * catalog's real answer on a queue of its own, then parks that very message as the ack interceptor
 * parks an event whose retry tiers ran out (same queue, same headers). That the interceptor parks
 * a failing event there is proven in libs/shared/messaging (retry-tiers.integration.spec.ts).
 * Needs ORDERS_SAGA_DEADLINE_MS short (run-all sets 8 s).
 */
import { randomUUID } from 'node:crypto';

import { STOCK_RESERVED } from '@bookstore/shared/contracts';
import { EVENTS_EXCHANGE, serviceQueues } from '@bookstore/shared/messaging';
import { api, createBook, eventually, loginAdmin, registerCustomer, unique } from '@bookstore/shared/testing';
import type { Channel, ChannelModel, GetMessage } from 'amqplib';
import { connect } from 'amqplib';

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const ORDERS = serviceQueues('orders');

interface Order {
  id: string;
  status: string;
  reason?: string;
  statusHistory: { status: string; reason?: string }[];
}

interface DeadLetter {
  id: string;
  type: string;
  queue: string;
  attempts: number;
  lastError: string;
  correlationId?: string;
  parkedAt: string;
}

interface DeadLetterPage {
  items: DeadLetter[];
  total: number;
  page: number;
  limit: number;
}

describe('a saga that always ends', () => {
  let connection: ChannelModel;
  let channel: Channel;
  let admin: string;
  let customer: string;

  beforeAll(async () => {
    connection = await connect(AMQP_URL);
    channel = await connection.createChannel();
    admin = await loginAdmin();
    customer = (await registerCustomer()).token;
  });

  afterAll(async () => {
    await channel?.close();
    await connection?.close();
  });

  const stockOf = async (bookId: string) =>
    (await api<{ stock: number }>('GET', `/api/v1/books/${bookId}`)).body.stock;
  const orderOf = async (id: string) =>
    (await api<Order>('GET', `/api/v1/orders/${id}`, { token: customer })).body;

  /**
   * Places an order of 2 copies of `bookId` while the orders service does not receive
   * `stock.reserved`, catches the catalog's answer and parks it in the orders' dead-letter queue.
   * Returns the order id and the parked message's id as the admin API names it.
   */
  async function placeWithParkedReservation(
    bookId: string,
  ): Promise<{ orderId: string; deadLetterId: string }> {
    const capture = `e2e.saga-recovery.${randomUUID()}`;
    await channel.assertQueue(capture, { exclusive: true });
    await channel.bindQueue(capture, EVENTS_EXCHANGE, STOCK_RESERVED);
    await channel.unbindQueue(ORDERS.events, EVENTS_EXCHANGE, STOCK_RESERVED);
    let orderId: string;
    let caught: GetMessage;
    try {
      const placed = await api<Order>('POST', '/api/v1/orders', {
        token: customer,
        body: { items: [{ bookId, quantity: 2 }] },
      });
      expect(placed.status).toBe(201);
      orderId = placed.body.id;
      caught = (await eventually(
        async () => {
          for (let message = await channel.get(capture); message; message = await channel.get(capture)) {
            channel.ack(message);
            if (JSON.parse(message.content.toString()).data.payload.orderId === orderId) return message;
          }
          return null;
        },
        (message): message is GetMessage => message !== null,
      )) as GetMessage;
    } finally {
      await channel.bindQueue(ORDERS.events, EVENTS_EXCHANGE, STOCK_RESERVED);
      await channel.deleteQueue(capture);
    }
    channel.sendToQueue(ORDERS.deadLetter, caught.content, {
      persistent: true,
      messageId: caught.properties.messageId,
      type: caught.properties.type,
      contentType: caught.properties.contentType,
      headers: {
        ...caught.properties.headers,
        'x-original-routing-key': STOCK_RESERVED,
        'x-failure-reason': 'parked by saga-recovery.e2e-spec',
        'x-attempts': 5,
      },
    });
    return { orderId, deadLetterId: `orders.${caught.properties.messageId}` };
  }

  async function listed(queue: string): Promise<DeadLetterPage> {
    const res = await api<DeadLetterPage>('GET', `/api/v1/admin/dead-letters?queue=${queue}&limit=100`, {
      token: admin,
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  it('lists a parked reservation for admins only, and replaying it confirms its order', async () => {
    const bookId = await createBook(admin, { stock: 5, title: unique('Parked Book') });
    const { orderId, deadLetterId } = await placeWithParkedReservation(bookId);

    const page = await eventually(
      () => listed(ORDERS.deadLetter),
      (body) => body.items.some((item) => item.id === deadLetterId),
    );
    expect(page).toMatchObject({ page: 1, limit: 100 });
    expect(page.items.find((item) => item.id === deadLetterId)).toMatchObject({
      type: STOCK_RESERVED,
      queue: ORDERS.deadLetter,
      attempts: 5,
      lastError: 'parked by saga-recovery.e2e-spec',
    });
    expect((await listed('catalog.events.dlq')).items.map((item) => item.id)).not.toContain(deadLetterId);
    const everywhere = await api<DeadLetterPage>('GET', '/api/v1/admin/dead-letters', { token: admin });
    expect(everywhere.body.total).toBeGreaterThanOrEqual(1);
    expect((await api('GET', '/api/v1/admin/dead-letters', { token: customer })).status).toBe(403);
    expect((await api('GET', '/api/v1/admin/dead-letters')).status).toBe(401);
    const shown = await api<DeadLetter & { message: { data: { payload: { orderId: string } } } }>(
      'GET',
      `/api/v1/admin/dead-letters/${deadLetterId}`,
      { token: admin },
    );
    expect(shown.body.message.data.payload.orderId).toBe(orderId);
    expect((await orderOf(orderId)).status).toBe('PENDING');

    const replayed = await api<DeadLetter>('POST', `/api/v1/admin/dead-letters/${deadLetterId}/replay`, {
      token: admin,
    });
    expect(replayed.status).toBe(200);
    expect(replayed.body.id).toBe(deadLetterId);

    const order = await eventually(
      () => orderOf(orderId),
      (current) => current.status !== 'PENDING',
    );
    expect(order.status).toBe('CONFIRMED');
    expect(await stockOf(bookId)).toBe(3);
    expect((await listed(ORDERS.deadLetter)).items.map((item) => item.id)).not.toContain(deadLetterId);
    const again = await api('POST', `/api/v1/admin/dead-letters/${deadLetterId}/replay`, { token: admin });
    expect(again.status).toBe(404);
  });

  it('rejects an order whose reservation stays parked (timeout) and gives its stock back, even after a late replay', async () => {
    const bookId = await createBook(admin, { stock: 5, title: unique('Timeout Book') });
    const { orderId, deadLetterId } = await placeWithParkedReservation(bookId);
    expect(await stockOf(bookId)).toBe(3);

    const order = await eventually(
      () => orderOf(orderId),
      (current) => current.status !== 'PENDING',
      { timeoutMs: 45_000, intervalMs: 250 },
    );
    expect(order.status).toBe('REJECTED');
    expect(order.reason).toBe('timeout');
    expect(order.statusHistory.map((entry) => entry.status)).toEqual(['PENDING', 'REJECTED']);
    await eventually(
      () => stockOf(bookId),
      (stock) => stock === 5,
    );

    // The late reservation, replayed after the deadline, confirms nothing and holds nothing.
    await eventually(
      () => listed(ORDERS.deadLetter),
      (body) => body.items.some((item) => item.id === deadLetterId),
    );
    const replayed = await api('POST', `/api/v1/admin/dead-letters/${deadLetterId}/replay`, { token: admin });
    expect(replayed.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await orderOf(orderId)).status).toBe('REJECTED');
    expect(await stockOf(bookId)).toBe(5);
    expect((await listed(ORDERS.deadLetter)).items.map((item) => item.id)).not.toContain(deadLetterId);
  });

  it('drops a parked message, and answers 404 for one that is not there', async () => {
    const bookId = await createBook(admin, { stock: 5, title: unique('Dropped Book') });
    const { deadLetterId } = await placeWithParkedReservation(bookId);
    await eventually(
      () => listed(ORDERS.deadLetter),
      (body) => body.items.some((item) => item.id === deadLetterId),
    );

    expect((await api('DELETE', `/api/v1/admin/dead-letters/${deadLetterId}`, { token: admin })).status).toBe(
      204,
    );
    expect((await listed(ORDERS.deadLetter)).items.map((item) => item.id)).not.toContain(deadLetterId);
    expect((await api('DELETE', `/api/v1/admin/dead-letters/${deadLetterId}`, { token: admin })).status).toBe(
      404,
    );
    expect((await api('GET', '/api/v1/admin/dead-letters/nobody.x', { token: admin })).status).toBe(404);
  });
});
