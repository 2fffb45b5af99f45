import { randomUUID } from 'node:crypto';

import type { ChannelModel, ConfirmChannel } from 'amqplib';
import { connect } from 'amqplib';

import { EVENTS_EXCHANGE } from '../topology/messaging.constants';
import { durableQueueOptions } from '../topology/queue-options';
import { declareQueue } from '../topology/replace-queue';

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

/**
 * The upgrade path from classic queues (README, "Upgrading: quorum queues"), against the real
 * broker: a queue an earlier release declared as classic, holding messages and bound to the events
 * exchange, becomes a quorum queue with every message and binding kept.
 */
describe('declareQueue over an earlier classic queue', () => {
  jest.setTimeout(30_000);
  let connection: ChannelModel;
  let channel: ConfirmChannel;
  const name = `it-replace-${randomUUID().slice(0, 8)}`;
  const routingKey = `it.replace.${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    connection = await connect(AMQP_URL);
    channel = await connection.createConfirmChannel();
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  });

  afterAll(async () => {
    await channel.deleteQueue(name);
    await connection.close();
  });

  /** True when the broker accepts `options` for the existing queue (406 closes the channel). */
  async function declaredAs(options: object): Promise<boolean> {
    const probe = await connection.createChannel();
    probe.on('error', () => undefined);
    try {
      await probe.assertQueue(name, options);
      await probe.close();
      return true;
    } catch {
      return false;
    }
  }

  it('keeps every message, its headers and the bindings, and ends up a quorum queue', async () => {
    await channel.assertQueue(name, { durable: true });
    await channel.bindQueue(name, EVENTS_EXCHANGE, routingKey);
    for (let i = 0; i < 20; i++) {
      channel.sendToQueue(name, Buffer.from(`m${i}`), { persistent: true, headers: { 'x-attempt': i } });
    }
    await channel.waitForConfirms();
    const quorum = durableQueueOptions();
    expect(await declaredAs(quorum)).toBe(false);

    await declareQueue(connection, { name, options: quorum, bindings: [routingKey] });

    expect(await declaredAs(quorum)).toBe(true);
    expect(await declaredAs({ durable: true })).toBe(false);
    // A fresh channel: RabbitMQ 3.10's channel that knew the classic queue cannot publish to the new one.
    await channel.close();
    channel = await connection.createConfirmChannel();
    channel.publish(EVENTS_EXCHANGE, routingKey, Buffer.from('after'), { persistent: true });
    await channel.waitForConfirms();
    const seen: string[] = [];
    const headers: unknown[] = [];
    for (;;) {
      const message = await channel.get(name, { noAck: true });
      if (message === false) break;
      seen.push(message.content.toString());
      headers.push(message.properties.headers?.['x-attempt']);
    }
    expect(seen).toEqual([...Array.from({ length: 20 }, (_, i) => `m${i}`), 'after']);
    expect(headers.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect((await channel.checkQueue(name)).messageCount).toBe(0);
    expect(await declaredAs({ ...quorum, passive: true })).toBe(true);
  });

  it('leaves no holding queue behind', async () => {
    const probe = await connection.createChannel();
    probe.on('error', () => undefined);
    await expect(probe.checkQueue(`${name}.migrating`)).rejects.toThrow(/404/);
  });
});
