import { isSpanContextValid, trace } from '@opentelemetry/api';

import { RequestContext } from './request-context';

/** The fields that tie a log line to what caused it. */
export interface LogContextFields {
  correlationId?: string;
  traceId?: string;
  spanId?: string;
}

/**
 * The correlation id of the request or message being handled, and the trace and span of the active
 * OpenTelemetry span when there is a valid one (none without tracing, or outside any span). Read at
 * each line written, so it costs nothing for lines below the log level.
 */
export function logContextFields(): LogContextFields {
  const fields: LogContextFields = {};
  const correlationId = RequestContext.correlationId();
  if (correlationId !== undefined) fields.correlationId = correlationId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span && isSpanContextValid(span)) {
    fields.traceId = span.traceId;
    fields.spanId = span.spanId;
  }
  return fields;
}
