import type { EventEnvelope } from '@bookstore/shared/contracts';

/**
 * Where the relay sends events: resolves only once the broker has confirmed the event. The
 * service runtime provides it (RabbitMQ's `EventPublisher`), so persistence knows no broker.
 */
export interface OutboxPublisher {
  publish(envelope: EventEnvelope): Promise<void>;
}

/** Injection token of the service's `OutboxPublisher`. */
export const OUTBOX_PUBLISHER = Symbol('OUTBOX_PUBLISHER');
