import type { EventEnvelope } from '@bookstore/shared/contracts';
import { EventPayloadPipe, EVENTS_EXCHANGE } from '@bookstore/shared/messaging';
import { Logger } from '@nestjs/common';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import { connect } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';

export interface BroadcastHandlers {
  /** One event, already validated against its contract. */
  onEvent(envelope: EventEnvelope): void;
  /** The queue is bound again (first start and after every reconnect); events from now on arrive. */
  onBound?(): void;
  /** The connection is gone: events published from now until `onBound` are missed. */
  onLost?(): void;
}

/**
 * What one gateway instance hears of the domain events: an exclusive, auto-delete, server-named
 * queue (gone with the instance) bound to the given routing keys, so every instance sees every
 * event. Delivery is best effort by design (no acks, nothing kept while the instance is away), so
 * users of it must treat `onLost`/`onBound` as "something may have been missed".
 */
export class BroadcastSubscription {
  private readonly logger = new Logger(BroadcastSubscription.name);
  private readonly pipe = new EventPayloadPipe();
  private connection?: AmqpConnectionManager;
  private channel?: ChannelWrapper;

  constructor(
    private readonly amqpUrls: readonly string[],
    private readonly routingKeys: readonly string[],
    private readonly handlers: BroadcastHandlers,
  ) {}

  start(): void {
    this.connection = connect([...this.amqpUrls], {
      heartbeatIntervalInSeconds: 5,
      reconnectTimeInSeconds: 1,
    });
    this.connection.on('disconnect', () => this.handlers.onLost?.());
    // Runs again after every reconnect: a fresh server-named queue replaces the one that died.
    this.channel = this.connection.createChannel({
      json: false,
      setup: async (channel: ConfirmChannel) => {
        await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
        const { queue } = await channel.assertQueue('', {
          exclusive: true,
          autoDelete: true,
          durable: false,
        });
        for (const key of this.routingKeys) await channel.bindQueue(queue, EVENTS_EXCHANGE, key);
        await channel.consume(queue, (message) => this.receive(message), { noAck: true });
        this.handlers.onBound?.();
      },
    });
  }

  async stop(): Promise<void> {
    await this.channel?.close();
    await this.connection?.close();
  }

  private receive(message: ConsumeMessage | null): void {
    if (!message) return;
    let envelope: EventEnvelope;
    try {
      const packet = JSON.parse(message.content.toString()) as { data?: unknown };
      envelope = this.pipe.transform(packet.data);
    } catch (error) {
      this.logger.warn({
        msg: 'ignored a malformed event',
        routingKey: message.fields.routingKey,
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    this.handlers.onEvent(envelope);
  }
}
