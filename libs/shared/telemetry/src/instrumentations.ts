import type { IncomingMessage } from 'node:http';

import { FastifyOtelInstrumentation } from '@fastify/otel';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';

/** Probes and scrapes: polled every few seconds, they would bury the traces that matter. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/**
 * The maintained instrumentations, each chosen for a hop of this system; nothing else is enabled
 * (no fs, dns or net spans: noise, and each costs on the hot path).
 * - http: the gateway's incoming requests (the root span; only when exporting) and any outgoing
 *   HTTP call;
 * - @fastify/otel (when exporting): the matched route as span name; lifecycle hook spans are off
 *   (one span per hook per request is cost without insight here);
 * - amqplib: a PRODUCER span per publish, injecting W3C `traceparent`/`tracestate` into the
 *   message headers, and a CONSUMER span per delivery, extracted from them, active while the
 *   handler runs and ended on ack (libs/shared/messaging relies on both);
 * - mongodb and ioredis: one CLIENT span per command.
 */
export function instrumentations(exporting: boolean): Instrumentation[] {
  return [
    new HttpInstrumentation({
      // Without an exporter the gateway's incoming requests are not wrapped in a (non-recording)
      // server span: that wrapping alone cost about 30 % of the hot read's throughput
      // (docs/BENCHMARKS.md, "Tracing"). A request's trace then starts at the gateway's first
      // publish (amqplib below), which every service downstream continues, so the services' log
      // lines still carry one trace id per request; the gateway's own lines carry its correlation id.
      disableIncomingRequestInstrumentation: !exporting,
      ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.test(request.url ?? ''),
    }),
    // Its spans only name the route inside the HTTP span: worth it in a viewer, pure cost on the
    // hot read when nothing is exported (docs/BENCHMARKS.md, "Tracing").
    ...(exporting
      ? [
          new FastifyOtelInstrumentation({
            registerOnInitialization: true,
            instrumentHooks: false,
            ignorePaths: ({ url }) => UNTRACED_PATHS.test(url),
          }),
        ]
      : []),
    new AmqplibInstrumentation(),
    new MongoDBInstrumentation(),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ];
}
