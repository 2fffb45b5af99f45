import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { PrivateBroker } from '@bookstore/shared/testing';
import type { Channel, ChannelModel, ConfirmChannel } from 'amqplib';
import { connect } from 'amqplib';

import { EVENTS_EXCHANGE, RPC_EXCHANGE } from '../topology/messaging.constants';

const BROKER_USERS = join(__dirname, '../../../../../tools/infra/broker-users.sh');

/** What the broker answered to one publish: confirmed, or the channel error that closed it. */
type Outcome = 'confirmed' | string;

/**
 * The per-service users of tools/infra/broker-users.sh on a broker node of its own (the script
 * changes users, so not on the shared broker): the broker itself refuses a publish a service's
 * credentials may not make (403 ACCESS_REFUSED), and lets through the ones it needs.
 */
describe('broker users and permissions (tools/infra/broker-users.sh)', () => {
  let broker: PrivateBroker;
  let admin: ChannelModel;
  const opened: ChannelModel[] = [];

  const urlOf = (user: string) => `amqp://${user}:${user}-local-dev@127.0.0.1:${broker.port}`;

  /** Publishes once as `user` on a confirm channel of its own. */
  async function publishAs(
    user: string,
    send: (channel: ConfirmChannel) => void,
  ): Promise<{ outcome: Outcome }> {
    const connection = await connect(urlOf(user));
    opened.push(connection);
    connection.on('error', () => undefined);
    const channel = await connection.createConfirmChannel();
    const closed = new Promise<Outcome>((resolve) =>
      channel.on('error', (error: Error) => resolve(error.message)),
    );
    send(channel);
    const confirmed = channel.waitForConfirms().then(
      () => 'confirmed' as const,
      () => closed,
    );
    return { outcome: await Promise.race([confirmed, closed]) };
  }

  async function depth(channel: Channel, queue: string): Promise<number> {
    return (await channel.checkQueue(queue)).messageCount;
  }

  beforeAll(async () => {
    broker = await PrivateBroker.start();
    const { env, args } = broker.control;
    execFileSync('bash', [BROKER_USERS, '/', ...args], { env, stdio: 'pipe' });
    // The topology the services declare: catalog's RPC queue behind the RPC exchange, a subscriber.
    admin = await connect(broker.url);
    const channel = await admin.createChannel();
    await channel.assertExchange(RPC_EXCHANGE, 'topic', { durable: true });
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    await channel.assertQueue('catalog.rpc', { durable: true });
    await channel.bindQueue('catalog.rpc', RPC_EXCHANGE, 'catalog.#');
    await channel.assertQueue('orders.events', { durable: true });
    await channel.bindQueue('orders.events', EVENTS_EXCHANGE, '#');
    await channel.close();
  }, 120_000);

  afterAll(async () => {
    for (const connection of opened) await connection.close().catch(() => undefined);
    await admin?.close().catch(() => undefined);
    await broker?.destroy();
  }, 30_000);

  const request = (pattern: string) => (channel: ConfirmChannel) =>
    channel.publish(RPC_EXCHANGE, pattern, Buffer.from('{}'));
  const event = (type: string) => (channel: ConfirmChannel) =>
    channel.publish(EVENTS_EXCHANGE, type, Buffer.from('{}'), { persistent: true });

  it("refuses another service's credentials a request to the catalog's admin pattern, and lets the gateway's through", async () => {
    const channel = await admin.createChannel();
    const before = await depth(channel, 'catalog.rpc');

    const forged = await publishAs('notifications', request('catalog.books.stock'));
    expect(forged.outcome).toMatch(
      /403 \(ACCESS-REFUSED\).*topic 'catalog\.books\.stock'.*user 'notifications'/,
    );
    const fromOrders = await publishAs('orders', request('catalog.books.stock'));
    expect(fromOrders.outcome).toMatch(/403 \(ACCESS-REFUSED\)/);

    expect((await publishAs('gateway', request('catalog.books.stock'))).outcome).toBe('confirmed');
    expect((await publishAs('orders', request('catalog.books.lookup'))).outcome).toBe('confirmed');
    expect(await depth(channel, 'catalog.rpc')).toBe(before + 2);
    await channel.close();
  });

  it('refuses the gateway a send straight to a queue through the default exchange', async () => {
    const direct = await publishAs('gateway', (channel) =>
      channel.sendToQueue('catalog.rpc', Buffer.from('{}')),
    );
    expect(direct.outcome).toMatch(/403 \(ACCESS-REFUSED\).*exchange 'amq\.default'.*user 'gateway'/);
  });

  it('lets each service publish only its own event types', async () => {
    const channel = await admin.createChannel();
    const before = await depth(channel, 'orders.events');

    const forged = await publishAs('notifications', event('order.confirmed'));
    expect(forged.outcome).toMatch(/403 \(ACCESS-REFUSED\).*topic 'order\.confirmed'/);
    expect((await publishAs('gateway', event('user.registered'))).outcome).toMatch(/403 \(ACCESS-REFUSED\)/);
    expect((await publishAs('catalog', event('order.created'))).outcome).toMatch(/403 \(ACCESS-REFUSED\)/);

    expect((await publishAs('orders', event('order.confirmed'))).outcome).toBe('confirmed');
    expect((await publishAs('catalog', event('stock.reserved'))).outcome).toBe('confirmed');
    expect((await publishAs('notifications', event('notification.created'))).outcome).toBe('confirmed');
    expect(await depth(channel, 'orders.events')).toBe(before + 3);
    await channel.close();
  });

  it("refuses a service another service's queues", async () => {
    const connection = await connect(urlOf('notifications'));
    opened.push(connection);
    connection.on('error', () => undefined);
    const channel = await connection.createChannel();
    const closed = new Promise<string>((resolve) =>
      channel.on('error', (error: Error) => resolve(error.message)),
    );
    channel.consume('catalog.rpc', () => undefined).catch(() => undefined);
    expect(await closed).toMatch(/403 \(ACCESS-REFUSED\).*queue 'catalog\.rpc'/);
  });
});
