import { EventEnvelope } from '@bookstore/shared/contracts';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ClientRMQ, RmqRecordBuilder } from '@nestjs/microservices';
import { lastValueFrom, timeout } from 'rxjs';

import { eventPublisherOptions } from '../topology/rmq-options';

const PUBLISH_TIMEOUT_MS = 5000;

/**
 * Publishes events to the topic exchange as persistent messages and resolves only when the broker
 * has confirmed them (the channel is a confirm channel). A rejection means "try again later":
 * callers are outbox relays, which keep the event until this resolves.
 */
@Injectable()
export class EventPublisher implements OnApplicationShutdown {
  private readonly client: ClientRMQ;

  constructor(amqpUrl: string) {
    this.client = new ClientRMQ(eventPublisherOptions(amqpUrl));
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    const record = new RmqRecordBuilder(envelope)
      .setOptions({
        persistent: true,
        messageId: envelope.eventId,
        type: envelope.type,
        headers: { 'x-correlation-id': envelope.correlationId },
      })
      .build();
    await lastValueFrom(this.client.emit(envelope.type, record).pipe(timeout(PUBLISH_TIMEOUT_MS)), {
      defaultValue: undefined,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
