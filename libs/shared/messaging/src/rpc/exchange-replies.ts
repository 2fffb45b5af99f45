import { Logger } from '@nestjs/common';
import type { OutgoingResponse, RmqContext, RmqOptions } from '@nestjs/microservices';
import { ClientRMQ, ServerRMQ } from '@nestjs/microservices';
import type { Channel, ConsumeMessage } from 'amqplib';

import { REPLIES_EXCHANGE } from '../topology/messaging.constants';

/** Declares the replies exchange; both sides do, so neither depends on the other starting first. */
async function assertRepliesExchange(channel: Channel): Promise<void> {
  await channel.assertExchange(REPLIES_EXCHANGE, 'direct', { durable: true });
}

/**
 * Nest's RMQ client, receiving replies on a queue of its own instead of direct reply-to: an
 * exclusive, auto-deleted, server-named queue (`amq.gen-…`, no other connection may consume or bind
 * it) bound to `REPLIES_EXCHANGE` with its name as routing key, and sent as `replyTo` with every
 * request. On a reconnect the channel setup runs again and declares a fresh queue; a reply to the
 * old one is dropped like a reply to a vanished direct reply-to consumer (the caller times out).
 */
export class ExchangeRepliesClient extends ClientRMQ {
  override async consumeChannel(channel: Channel): Promise<void> {
    await assertRepliesExchange(channel);
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
    await channel.bindQueue(queue, REPLIES_EXCHANGE, queue);
    // `publish` reads it for every request's replyTo.
    this.replyQueue = queue;
    await channel.consume(
      queue,
      (message: ConsumeMessage | null) =>
        message && this.responseEmitter.emit(message.properties.correlationId as string, message),
      { noAck: true },
    );
  }
}

/**
 * Nest's RMQ server, answering through `REPLIES_EXCHANGE` (routing key = the request's `replyTo`)
 * instead of `sendToQueue`, which publishes on the default exchange. A reply that cannot be sent
 * (connection lost mid-reply) is logged: the caller times out and the request expired meanwhile.
 */
export class ExchangeRepliesServer extends ServerRMQ {
  private readonly replyLogger = new Logger('Messaging');

  override async setupChannel(channel: Channel, callback: () => void): Promise<void> {
    await assertRepliesExchange(channel);
    await super.setupChannel(channel, callback);
  }

  override sendMessage<T = unknown>(
    message: T,
    replyTo: string,
    correlationId: string,
    context: RmqContext,
  ): void {
    // As ServerRMQ.sendMessage, but published to the replies exchange.
    const outgoing = this.serializer.serialize(message as OutgoingResponse) as {
      options?: Record<string, unknown>;
    };
    const { options, ...packet } = outgoing;
    const content = Buffer.from(JSON.stringify(packet));
    this.onProcessingEndHook?.(this.transportId, context);
    const published = (this.channel as { publish: (...args: unknown[]) => Promise<unknown> } | null)?.publish(
      REPLIES_EXCHANGE,
      replyTo,
      content,
      { correlationId, ...options },
    );
    published?.catch((error: unknown) =>
      this.replyLogger.warn({ msg: 'reply not sent', replyTo, error: String(error) }),
    );
  }
}

/** A server option set (`rpcServerOptions`/`eventServerOptions`) as a Nest strategy answering through the replies exchange. */
export function exchangeRepliesStrategy(server: RmqOptions): { strategy: ExchangeRepliesServer } {
  return { strategy: new ExchangeRepliesServer(server.options ?? {}) };
}
