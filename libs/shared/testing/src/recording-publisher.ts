import type { EventEnvelope } from '@bookstore/shared/contracts';
import type { OutboxPublisher } from '@bookstore/shared/persistence';
import { OUTBOX_PUBLISHER } from '@bookstore/shared/persistence';
import type { DynamicModule } from '@nestjs/common';

/**
 * An `OutboxPublisher` that records what the relay publishes, as the broker would have received it,
 * for integration specs that run a feature module without RabbitMQ (so nothing leaks to services
 * running on the shared broker).
 */
export class RecordingPublisher implements OutboxPublisher {
  readonly published: EventEnvelope[] = [];

  async publish(envelope: EventEnvelope): Promise<void> {
    this.published.push(envelope);
  }

  /** The events published for one order, in publishing order. */
  forOrder(orderId: string): EventEnvelope[] {
    return this.published.filter((event) => (event.payload as { orderId?: string }).orderId === orderId);
  }

  /** The types of the events published for one order, in publishing order. */
  typesFor(orderId: string): string[] {
    return this.forOrder(orderId).map((event) => event.type);
  }

  /** A global module providing this publisher as the `OUTBOX_PUBLISHER`, as the service runtime does. */
  module(): DynamicModule {
    return {
      module: class RecordingPublisherModule {},
      global: true,
      providers: [{ provide: OUTBOX_PUBLISHER, useValue: this }],
      exports: [OUTBOX_PUBLISHER],
    };
  }
}
