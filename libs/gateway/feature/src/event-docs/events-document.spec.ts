import { Parser } from '@asyncapi/parser';
import {
  EVENT_PAYLOADS,
  EventDoc,
  eventDocOf,
  ORDER_CREATED,
  OrderConfirmedPayload,
} from '@bookstore/shared/contracts';
import { getMetadataStorage, IsString } from 'class-validator';

import { buildEventsDocument } from './events-document';

type Doc = {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: string; channel: { $ref: string }; tags: { name: string }[] }>;
  components: {
    messages: Record<
      string,
      { payload: { properties: Record<string, { $ref?: string; const?: string }>; required: string[] } }
    >;
    schemas: Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }>;
  };
};

const document = buildEventsDocument() as unknown as Doc;
const eventTypes = Object.keys(EVENT_PAYLOADS);

function channelOf(type: string) {
  const channel = Object.values(document.channels).find((candidate) => candidate.address === type);
  if (!channel) throw new Error(`no channel for ${type}`);
  return channel;
}

function messageOf(type: string) {
  const [ref] = Object.values(channelOf(type).messages);
  return document.components.messages[ref.$ref.replace('#/components/messages/', '')];
}

describe('buildEventsDocument', () => {
  it('is a valid AsyncAPI 3.0.0 document for @asyncapi/parser', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    // Severity 0 is an error; warnings and hints (e.g. style advice) do not make it invalid.
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 0)).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
    expect(parsed?.channels().length).toBe(eventTypes.length);
  });

  it.each(eventTypes)('documents %s: its channel, envelope and payload schema', (type) => {
    const payloadClass = EVENT_PAYLOADS[type as keyof typeof EVENT_PAYLOADS];
    const { payload } = messageOf(type);
    expect(payload.properties['type'].const).toBe(type);
    expect(payload.required).toEqual(
      expect.arrayContaining(['eventId', 'type', 'occurredAt', 'correlationId', 'payload']),
    );
    expect(payload.properties['payload'].$ref).toBe(`#/components/schemas/${payloadClass.name}`);

    // Every property consumers validate is in the schema (inherited ones included).
    const validated = [
      ...new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(payloadClass, '', true, false)
          .map((m) => m.propertyName),
      ),
    ].sort();
    const schema = document.components.schemas[payloadClass.name];
    expect(Object.keys(schema.properties).sort()).toEqual(validated);
  });

  it('has a send operation for each producer and a receive operation for each consumer', () => {
    for (const type of eventTypes) {
      const doc = eventDocOf(EVENT_PAYLOADS[type as keyof typeof EVENT_PAYLOADS]);
      const onChannel = Object.values(document.operations).filter(
        (operation) => document.channels[operation.channel.$ref.replace('#/channels/', '')].address === type,
      );
      expect(onChannel.filter((op) => op.action === 'send').map((op) => op.tags[0].name)).toEqual([
        doc?.producer,
      ]);
      expect(onChannel.filter((op) => op.action === 'receive').map((op) => op.tags[0].name)).toEqual(
        doc?.consumers,
      );
    }
  });

  it('describes nested and inherited payload classes from their decorators', () => {
    const created = document.components.schemas[EVENT_PAYLOADS[ORDER_CREATED].name];
    expect(created.properties['items']).toEqual(
      expect.objectContaining({
        type: 'array',
        items: { $ref: '#/components/schemas/PricedOrderLinePayload' },
        minItems: 1,
      }),
    );
    const line = document.components.schemas['PricedOrderLinePayload'];
    expect(line.properties['quantity']).toEqual(expect.objectContaining({ type: 'integer', minimum: 1 }));
    expect(line.properties['unitPriceCents']).toEqual(
      expect.objectContaining({ type: 'integer', minimum: 0 }),
    );
    expect(line.required).toEqual(expect.arrayContaining(['bookId', 'quantity', 'unitPriceCents']));
    const confirmed = document.components.schemas[OrderConfirmedPayload.name];
    expect(confirmed.required).not.toContain('reason');
  });

  it('refuses an event class without its own @EventDoc', () => {
    class ThrowawayPayload {
      @IsString()
      id!: string;
    }
    expect(() => buildEventsDocument({ 'throwaway.happened.v1': ThrowawayPayload })).toThrow(
      'Event throwaway.happened.v1 (ThrowawayPayload) has no @EventDoc',
    );

    // A documented parent does not document its subclass: each event says what it is.
    @EventDoc({ summary: 'Documented.', producer: 'orders', consumers: [] })
    class DocumentedPayload {}
    class UndocumentedChildPayload extends DocumentedPayload {}
    expect(() => buildEventsDocument({ 'child.happened.v1': UndocumentedChildPayload })).toThrow(
      /has no @EventDoc/,
    );
  });
});
