import { randomUUID } from 'node:crypto';

import { USER_REGISTERED } from '@bookstore/shared/contracts';
import type { INestMicroservice } from '@nestjs/common';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { Channel, ChannelModel } from 'amqplib';
import { connect } from 'amqplib';

import { createEnvelope } from '../publishing/create-envelope';
import { EventPublisher } from '../publishing/event-publisher';
import { declareTopology } from '../topology/assert-topology';
import { retryTierQueue } from '../topology/retry-tiers';
import { serviceQueues } from '../topology/service-queues';
import { Deliveries, startTestConsumer } from './test-consumer';

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const SERVICE = `it-tracing-${randomUUID().slice(0, 8)}`;
/** Short tiers, like retry-tiers.integration.spec, so the spec runs in seconds. */
const TIERS = [100, 400, 800];

const exporter = new InMemorySpanExporter();

/**
 * Tracing as the services set it up (shared/telemetry), in this process: the in-memory exporter
 * stands for OTLP. Jest loads modules through its own registry, where the instrumentation's
 * require hook never fires, so the amqplib instrumentation's own patches are applied to the
 * module instances Jest loaded (the ones Nest's transport and this spec use).
 */
function startTracing(): void {
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const instrumentation = new AmqplibInstrumentation();
  instrumentation.setTracerProvider(provider);
  const version = (require('amqplib/package.json') as { version: string }).version;
  for (const definition of instrumentation.getModuleDefinitions())
    for (const file of definition.files) file.patch(require(file.name), version);
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('retries of a failing consumer in one trace', () => {
  jest.setTimeout(400_000);

  let connection: ChannelModel;
  let channel: Channel;
  let app: INestMicroservice;
  let publisher: EventPublisher;

  beforeAll(async () => {
    startTracing();
    publisher = new EventPublisher([AMQP_URL]);
    connection = await connect(AMQP_URL);
    channel = await connection.createChannel();
  });

  afterAll(async () => {
    await app?.close();
    for (const queue of Object.values(serviceQueues(SERVICE))) await channel.deleteQueue(queue);
    for (const delayMs of TIERS) await channel.deleteQueue(retryTierQueue(SERVICE, delayMs));
    await publisher.onApplicationShutdown();
    await connection.close();
  });

  it('shows every delivery, retry and the parking as spans of the trace that published the event', async () => {
    await declareTopology([AMQP_URL], {
      service: SERVICE,
      subscriptions: [USER_REGISTERED],
      retryTiersMs: TIERS,
    });
    const deliveries = new Deliveries();
    app = await startTestConsumer([AMQP_URL], SERVICE, deliveries, true, TIERS);
    const event = createEnvelope(USER_REGISTERED, {
      userId: '64b7f0c2a1b2c3d4e5f60718',
      email: 'reader@example.test',
      name: 'Reader',
    });

    // The request that caused the event: its trace is the one every hop must stay in.
    const traceId = await trace
      .getTracer('spec')
      .startActiveSpan('register', { kind: SpanKind.SERVER }, async (span) => {
        await publisher.publish(event);
        span.end();
        return span.spanContext().traceId;
      });

    const queues = serviceQueues(SERVICE);
    const spans = () => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const consumed = () => spans().filter((s) => s.kind === SpanKind.CONSUMER);
    const parkedPublish = () =>
      spans().find(
        (s) =>
          s.kind === SpanKind.PRODUCER &&
          s.attributes['messaging.rabbitmq.routing_key'] === queues.deadLetter,
      );
    // First delivery plus one per tier, then parked: each delivery's span ends when it is acked.
    await waitFor(() => consumed().length === TIERS.length + 1 && parkedPublish() !== undefined);
    expect(deliveries.count(event.eventId)).toBe(TIERS.length + 1);

    const deliveriesInOrder = consumed().sort((a, b) => compareTime(a.startTime, b.startTime));
    for (const delivery of deliveriesInOrder) {
      expect(delivery.name).toBe(`${USER_REGISTERED} process`);
      expect(delivery.status.code).toBe(SpanStatusCode.ERROR);
    }
    // Each retry is a child of the delivery that failed: publish to the tier, then the next delivery.
    const byId = new Map(spans().map((s) => [s.spanContext().spanId, s]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');
    deliveriesInOrder.slice(1).forEach((delivery, i) => {
      const retryPublish = parentOf(delivery);
      expect(retryPublish?.kind).toBe(SpanKind.PRODUCER);
      expect(retryPublish?.attributes['messaging.rabbitmq.routing_key']).toBe(
        retryTierQueue(SERVICE, TIERS[i]),
      );
      expect(parentOf(retryPublish as ReadableSpan)).toBe(deliveriesInOrder[i]);
    });
    expect(parentOf(parkedPublish() as ReadableSpan)).toBe(deliveriesInOrder[TIERS.length]);
    expect(parentOf(deliveriesInOrder[0])?.kind).toBe(SpanKind.PRODUCER);
  });
});

function compareTime(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
