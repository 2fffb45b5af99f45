import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { PrivateBroker } from '@bookstore/shared/testing';
import type { Channel, ChannelModel, ConfirmChannel } from 'amqplib';
import { connect } from 'amqplib';

import { ExchangeRepliesClient, ExchangeRepliesServer } from '../rpc/exchange-replies';
import { EVENTS_EXCHANGE, REQUEUE_EXCHANGE, RPC_EXCHANGE } from '../topology/messaging.constants';
import { RPC_QUEUE_OPTIONS } from '../topology/queue-options';
import { bindRequeueTargets } from '../topology/requeue-exchange';
import { rpcClientOptions, rpcServerOptions } from '../topology/rmq-options';

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
    await channel.assertQueue('catalog.rpc', RPC_QUEUE_OPTIONS);
    await channel.bindQueue('catalog.rpc', RPC_EXCHANGE, 'catalog.#');
    await channel.assertQueue('orders.events', { durable: true });
    await channel.bindQueue('orders.events', EVENTS_EXCHANGE, '#');
    // Each service's own queues behind the requeue exchange, as declareTopology binds them.
    for (const service of ['orders', 'catalog']) {
      for (const queue of ['events', 'events.retry', 'events.dlq', 'events.retry.1000ms']) {
        await channel.assertQueue(`${service}.${queue}`, { durable: true });
      }
      await bindRequeueTargets(channel, service, [1000]);
    }
    await channel.close();
  }, 300_000); // a node boot and ~30 rabbitmqctl runs (each a VM start), slow on a loaded machine

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

  it.each(['gateway', 'auth', 'catalog', 'orders', 'notifications'])(
    'refuses %s a send straight to a queue through the default exchange',
    async (user) => {
      const channel = await admin.createChannel();
      const before = await depth(channel, 'catalog.rpc');
      const direct = await publishAs(user, (confirm) =>
        confirm.sendToQueue('catalog.rpc', Buffer.from('{}')),
      );
      expect(direct.outcome).toMatch(
        new RegExp(`403 \\(ACCESS-REFUSED\\).*exchange 'amq\\.default'.*user '${user}'`),
      );
      expect(await depth(channel, 'catalog.rpc')).toBe(before);
      await channel.close();
    },
  );

  it("lets a service move a message into its own retry and dead-letter queues, not into another service's", async () => {
    const channel = await admin.createChannel();
    const before = await depth(channel, 'orders.events.dlq');
    const requeue = (queue: string) => (confirm: ConfirmChannel) =>
      confirm.publish(REQUEUE_EXCHANGE, queue, Buffer.from('{}'), { persistent: true });

    expect((await publishAs('orders', requeue('orders.events.dlq'))).outcome).toBe('confirmed');
    expect((await publishAs('orders', requeue('orders.events.retry.1000ms'))).outcome).toBe('confirmed');
    const intoCatalog = await publishAs('orders', requeue('catalog.events'));
    expect(intoCatalog.outcome).toMatch(/403 \(ACCESS-REFUSED\).*topic 'catalog\.events'.*user 'orders'/);
    expect((await publishAs('gateway', requeue('orders.events'))).outcome).toMatch(/403 \(ACCESS-REFUSED\)/);

    expect(await depth(channel, 'orders.events.dlq')).toBe(before + 1);
    await channel.close();
  });

  it("answers orders' request to the catalog through the replies exchange, each with its own credentials", async () => {
    const server = new ExchangeRepliesServer(rpcServerOptions([urlOf('catalog')], 'catalog').options ?? {});
    server.addHandler('catalog.books.lookup', async (data: { ids: string[] }) => ({
      found: data.ids.length,
    }));
    await new Promise<void>((resolve, reject) =>
      server.listen((error?: unknown) => (error ? reject(error) : resolve())),
    );
    const client = new ExchangeRepliesClient(rpcClientOptions([urlOf('orders')], 'catalog'));
    try {
      const reply = await new Promise((resolve, reject) =>
        client.send('catalog.books.lookup', { ids: ['a', 'b'] }).subscribe({ next: resolve, error: reject }),
      );
      expect(reply).toEqual({ found: 2 });
    } finally {
      await client.close();
      await server.close();
    }
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
