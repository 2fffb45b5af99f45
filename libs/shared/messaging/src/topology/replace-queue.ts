import type { ChannelModel, ConfirmChannel, Options } from 'amqplib';

import { EVENTS_EXCHANGE, REQUEUE_EXCHANGE } from './messaging.constants';
import { durableQueueOptions } from './queue-options';

/** A queue as this release declares it, with the routing keys that bind it to the events exchange. */
export interface QueueDeclaration {
  name: string;
  options: Options.AssertQueue;
  bindings: readonly string[];
}

/**
 * Declares a queue; when the broker holds one of that name declared otherwise (a classic queue from
 * before quorum queues, or other arguments: 406 PRECONDITION_FAILED), replaces it keeping its
 * messages. While it is replaced, a holding queue (`<name>.migrating`) takes the queue's bindings,
 * so an event published meanwhile is kept too. Messages are copied with their properties and
 * headers (attempt counts, correlation ids) under publisher confirms, and acknowledged from the old
 * queue only once confirmed: a crash midway duplicates a message at worst, never drops one.
 *
 * Run by one instance at a time (the first to start after an upgrade): two instances replacing the
 * same queue at once may each see the other's half-done work. A channel error closes the channel,
 * hence a fresh channel per step.
 */
export async function declareQueue(connection: ChannelModel, declaration: QueueDeclaration): Promise<void> {
  if (await tryAssert(connection, declaration)) return;
  const holding = `${declaration.name}.migrating`;
  await withConfirmChannel(connection, async (channel) => {
    await channel.assertQueue(holding, durableQueueOptions());
    for (const key of declaration.bindings) {
      await channel.bindQueue(holding, EVENTS_EXCHANGE, key);
      await channel.unbindQueue(declaration.name, EVENTS_EXCHANGE, key);
    }
    await moveMessages(channel, declaration.name, holding);
    await channel.deleteQueue(declaration.name);
  });
  // A fresh channel: RabbitMQ 3.10's channel remembers a queue's type by name, and publishing to the
  // new quorum queue on a channel that knew the classic one crashes the channel (function_clause).
  await withConfirmChannel(connection, async (channel) => {
    await channel.assertQueue(declaration.name, declaration.options);
    for (const key of declaration.bindings) {
      await channel.bindQueue(declaration.name, EVENTS_EXCHANGE, key);
      await channel.unbindQueue(holding, EVENTS_EXCHANGE, key);
    }
    await moveMessages(channel, holding, declaration.name);
    await channel.deleteQueue(holding);
  });
}

async function withConfirmChannel(
  connection: ChannelModel,
  work: (channel: ConfirmChannel) => Promise<void>,
): Promise<void> {
  const channel = await connection.createConfirmChannel();
  try {
    await work(channel);
  } finally {
    await channel.close().catch(() => undefined);
  }
}

/** Asserts the queue and its bindings; false when the broker holds it with other arguments. */
async function tryAssert(connection: ChannelModel, declaration: QueueDeclaration): Promise<boolean> {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  try {
    await channel.assertQueue(declaration.name, declaration.options);
    for (const key of declaration.bindings) await channel.bindQueue(declaration.name, EVENTS_EXCHANGE, key);
    await channel.close();
    return true;
  } catch (error) {
    if (!isPreconditionFailed(error)) throw error;
    return false;
  }
}

async function moveMessages(channel: ConfirmChannel, from: string, to: string): Promise<void> {
  // Through the requeue exchange (routing key = the queue's name), not the default exchange: the
  // service's broker user may not write there (see REQUEUE_EXCHANGE).
  await channel.assertExchange(REQUEUE_EXCHANGE, 'topic', { durable: true });
  await channel.bindQueue(to, REQUEUE_EXCHANGE, to);
  for (;;) {
    const message = await channel.get(from, { noAck: false });
    if (message === false) return;
    const { properties } = message;
    channel.publish(REQUEUE_EXCHANGE, to, message.content, {
      persistent: true,
      contentType: properties.contentType as string | undefined,
      contentEncoding: properties.contentEncoding as string | undefined,
      headers: properties.headers,
      correlationId: properties.correlationId as string | undefined,
      replyTo: properties.replyTo as string | undefined,
      expiration: properties.expiration as string | undefined,
      messageId: properties.messageId as string | undefined,
      timestamp: properties.timestamp as number | undefined,
      type: properties.type as string | undefined,
      appId: properties.appId as string | undefined,
    });
    await channel.waitForConfirms();
    channel.ack(message);
  }
}

function isPreconditionFailed(error: unknown): boolean {
  return (error as { code?: unknown }).code === 406;
}
