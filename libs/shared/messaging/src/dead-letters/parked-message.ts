import { createHash } from 'node:crypto';

import type { ConsumeMessage } from 'amqplib';

import { ATTEMPTS_HEADER } from '../consuming/rmq-message';

/** A message read from a service's dead-letter queue, with what an operator needs to judge it. */
export interface ParkedMessage {
  /** `<service>.<messageId>`: stable, so parking the same message twice stores it once. */
  id: string;
  queue: string;
  /** The event type (the routing key it was published with). */
  type: string;
  attempts: number;
  lastError: string;
  correlationId?: string;
  parkedAt: Date;
  /** The message body and headers exactly as delivered, to replay it unchanged. */
  content: Buffer;
  headers: Record<string, unknown>;
  messageId?: string;
  contentType?: string;
}

/** Reads what the ack interceptor wrote on the message when it parked it. */
export function parkedMessageOf(service: string, queue: string, message: ConsumeMessage): ParkedMessage {
  const headers = (message.properties.headers ?? {}) as Record<string, unknown>;
  const messageId = message.properties.messageId as string | undefined;
  // A message without an id (not published by EventPublisher) is named by its content.
  const key = messageId ?? createHash('sha256').update(message.content).digest('hex').slice(0, 32);
  const attempts = Number(headers[ATTEMPTS_HEADER]);
  return {
    id: `${service}.${key}`,
    queue,
    type:
      text(headers['x-original-routing-key']) ?? text(message.properties.type) ?? message.fields.routingKey,
    attempts: Number.isInteger(attempts) && attempts > 0 ? attempts : 1,
    lastError: text(headers['x-failure-reason']) ?? 'unknown',
    correlationId: text(headers['x-correlation-id']),
    parkedAt: new Date(),
    content: message.content,
    headers,
    messageId,
    contentType: text(message.properties.contentType),
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
