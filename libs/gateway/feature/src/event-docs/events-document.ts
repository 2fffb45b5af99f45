import type { EventDocOptions, EventParty } from '@bookstore/shared/contracts';
import { EVENT_PAYLOADS, eventDocOf, EventEnvelope } from '@bookstore/shared/contracts';
import { EVENTS_EXCHANGE } from '@bookstore/shared/messaging';

import type { JsonSchema } from './payload-schemas';
import { payloadSchemas, SCHEMA_REF_PREFIX } from './payload-schemas';

/** An event payload class, as EVENT_PAYLOADS maps them. */
export type EventPayloadClass = abstract new (...args: never[]) => object;

const AMQP_BINDING_VERSION = '0.3.0';

/**
 * The AsyncAPI 3.0 document of the events, generated from the contracts lib: one channel per
 * routing key on the `bookstore.events` topic exchange, a send operation for its producer and a
 * receive operation per consumer (both from the payload class's EventDoc), and a message whose
 * payload is the EventEnvelope around the payload class, whose schema comes from its
 * class-validator decorators. Throws when a class has no EventDoc of its own, so an undocumented
 * event cannot ship.
 */
export function buildEventsDocument(
  events: Readonly<Record<string, EventPayloadClass>> = EVENT_PAYLOADS,
): Record<string, unknown> {
  const documented = Object.entries(events).map(([type, payloadClass]) => {
    const doc = eventDocOf(payloadClass);
    if (!doc)
      throw new Error(
        `Event ${type} (${payloadClass.name}) has no @EventDoc: document it in the contracts lib`,
      );
    return { type, payloadClass, doc, channelId: camelCase(type), messageId: messageName(payloadClass) };
  });
  const schemas = payloadSchemas([EventEnvelope, ...documented.map((event) => event.payloadClass)]);
  const envelope = schemas[EventEnvelope.name] as JsonSchema & { properties: Record<string, JsonSchema> };
  delete schemas[EventEnvelope.name];

  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const { type, payloadClass, doc, channelId, messageId } of documented) {
    messages[messageId] = message(type, payloadClass, doc, envelope);
    channels[channelId] = {
      address: type,
      title: type,
      summary: doc.summary,
      messages: { [messageId]: { $ref: `#/components/messages/${messageId}` } },
      bindings: { amqp: channelBinding() },
    };
    const operation = (party: EventParty, action: 'send' | 'receive') => ({
      action,
      channel: { $ref: `#/channels/${channelId}` },
      title: `${party} ${action === 'send' ? 'publishes' : 'consumes'} ${type}`,
      summary: doc.summary,
      tags: [{ name: party }],
      messages: [{ $ref: `#/channels/${channelId}/messages/${messageId}` }],
      bindings: {
        amqp: action === 'send' ? publishBinding() : { ack: true, bindingVersion: AMQP_BINDING_VERSION },
      },
    });
    operations[`${doc.producer}Publishes${messageId}`] = operation(doc.producer, 'send');
    for (const consumer of doc.consumers) {
      operations[`${consumer}Consumes${messageId}`] = operation(consumer, 'receive');
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Bookstore events',
      version: '1.0.0',
      description: [
        `Events are published once to the \`${EVENTS_EXCHANGE}\` topic exchange with the event type as`,
        'routing key, and delivered to every subscribing service through its own durable queue.',
        'Each message is an envelope (`eventId`, `type`, `occurredAt`, `correlationId`) around a typed `payload`.',
        'Delivery is at least once: consumers deduplicate on `eventId`; a message that keeps failing is',
        'retried with delay and then parked as a dead letter.',
      ].join(' '),
    },
    defaultContentType: 'application/json',
    servers: {
      rabbitmq: {
        host: 'localhost:5672',
        protocol: 'amqp',
        protocolVersion: '0.9.1',
        description: 'The RabbitMQ broker every service connects to (AMQP_URL).',
      },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
}

/** The message of one event: the envelope's schema, with this event's type and payload. */
function message(
  type: string,
  payloadClass: EventPayloadClass,
  doc: EventDocOptions,
  envelope: JsonSchema & { properties: Record<string, JsonSchema> },
): Record<string, unknown> {
  return {
    name: messageName(payloadClass),
    title: type,
    summary: doc.summary,
    ...(doc.description && { description: doc.description }),
    contentType: 'application/json',
    correlationId: { location: '$message.payload#/correlationId' },
    payload: {
      ...envelope,
      properties: {
        ...envelope.properties,
        type: { ...envelope.properties['type'], const: type },
        payload: { $ref: `${SCHEMA_REF_PREFIX}${payloadClass.name}` },
      },
    },
    bindings: { amqp: { contentEncoding: 'utf-8', messageType: type, bindingVersion: AMQP_BINDING_VERSION } },
  };
}

function channelBinding(): Record<string, unknown> {
  return {
    is: 'routingKey',
    exchange: { name: EVENTS_EXCHANGE, type: 'topic', durable: true, autoDelete: false, vhost: '/' },
    bindingVersion: AMQP_BINDING_VERSION,
  };
}

/** Events are persistent (delivery mode 2): they survive a broker restart. */
function publishBinding(): Record<string, unknown> {
  return { deliveryMode: 2, bindingVersion: AMQP_BINDING_VERSION };
}

/** `OrderCreatedPayload` → `OrderCreated`. */
function messageName(payloadClass: EventPayloadClass): string {
  return payloadClass.name.replace(/Payload$/, '');
}

/** `user.password-reset-requested.v1` → `userPasswordResetRequestedV1` (ids may not hold dots). */
function camelCase(routingKey: string): string {
  return routingKey
    .split(/[.-]/)
    .map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}
