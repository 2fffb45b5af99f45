import { SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Names the CONSUMER span of the delivery being handled after its pattern, and tags it with the
 * correlation id. The span itself is opened by the amqplib instrumentation around Nest's consume
 * callback (child of the `traceparent` the producer put in the headers, ended on ack), so the
 * handler, its database calls and what it publishes are all inside it; its default name is the
 * queue's (`orders.events process`), which says nothing about what was handled.
 */
export function describeConsumerSpan(pattern: string, correlationId: string): void {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.updateName(`${pattern} process`);
  span.setAttributes({ 'messaging.operation.name': pattern, 'bookstore.correlation_id': correlationId });
}

/** Marks the delivery's span failed with `error`, so a retried or parked event shows why. */
export function recordConsumerFailure(error: unknown): void {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}
