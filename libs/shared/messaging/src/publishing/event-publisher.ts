import type { EventEnvelope } from '@bookstore/shared/contracts';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import { connect } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';

import { EVENTS_EXCHANGE } from '../topology/messaging.constants';

const PUBLISH_TIMEOUT_MS = 5000;

/**
 * Publishes events to the topic exchange as persistent messages and resolves only when the broker
 * has confirmed them. A rejection means "try again later": callers are outbox relays, which keep the
 * event until this resolves.
 *
 * Why not Nest's `ClientRMQ.emit`: with the broker unreachable it completed without any confirm
 * (outbox-relay.integration.spec shows the case), and an outbox must never drop an unconfirmed
 * event. This uses the same library Nest's transport uses (amqp-connection-manager, a confirm
 * channel) and Nest's wire format `{ pattern, data }`, so Nest's RMQ servers consume it unchanged.
 */
@Injectable()
export class EventPublisher implements OnApplicationShutdown {
  private readonly connection: AmqpConnectionManager;
  private readonly channel: ChannelWrapper;

  /** `amqpUrls`: every broker node; the manager moves to another one when its node goes down. */
  constructor(amqpUrls: readonly string[]) {
    this.connection = connect([...amqpUrls], { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1 });
    // Failures surface as rejected publishes; the manager reconnects by itself.
    this.connection.on('connectFailed', () => undefined);
    this.channel = this.connection.createChannel({
      json: false,
      confirm: true,
      publishTimeout: PUBLISH_TIMEOUT_MS,
      setup: (channel: ConfirmChannel) => channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true }),
    });
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    const packet = { pattern: envelope.type, data: envelope };
    await this.channel.publish(EVENTS_EXCHANGE, envelope.type, Buffer.from(JSON.stringify(packet)), {
      persistent: true,
      contentType: 'application/json',
      messageId: envelope.eventId,
      type: envelope.type,
      headers: { 'x-correlation-id': envelope.correlationId },
      timeout: PUBLISH_TIMEOUT_MS,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}
