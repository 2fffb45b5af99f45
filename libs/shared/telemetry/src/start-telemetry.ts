import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  defaultResource,
  detectResources,
  envDetector,
  hostDetector,
  processDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  NoopSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

import type { TelemetryConfig } from './config/telemetry.config';
import { loadTelemetryConfig } from './config/telemetry.config';
import { instrumentations } from './instrumentations';
import { samplerFromConfig } from './sampler-from-config';

export interface TelemetryOptions {
  /** Replaces the span processors chosen from the config (specs pass an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
  config?: TelemetryConfig;
}

/** A started SDK: `shutdown` exports what is still buffered and unhooks the instrumentations. */
export interface Telemetry {
  readonly exporting: boolean;
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing for `service`. Call it before Nest, amqplib, mongodb or ioredis are
 * required (the first import of each app's main.ts): the instrumentations patch modules as they
 * load, and the apps' webpack build keeps node_modules external so those requires still happen.
 *
 * Trace context always propagates (W3C `traceparent` over HTTP and RabbitMQ headers, trace and
 * span ids in logs); spans are recorded and exported by OTLP/HTTP protobuf only when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set.
 * Only traces: metrics and logs are not exported through OpenTelemetry (prom-client and pino cover
 * them). The parts are wired here rather than by `@opentelemetry/sdk-node`'s NodeSDK, which loads
 * every exporter it could be configured with (gRPC, zipkin, prometheus, logs, metrics): 8 MiB of
 * live heap in each service against 2 (docs/BENCHMARKS.md, issue 15's footprint).
 */
export function startTelemetry(service: string, options: TelemetryOptions = {}): Telemetry {
  const config = options.config ?? loadTelemetryConfig();
  // Constructing an instrumentation already patches its module on load (http, amqplib…), whatever
  // the SDK then does: disabled means none is built.
  if (config.OTEL_SDK_DISABLED === 'true') return { exporting: false, shutdown: async () => undefined };
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporting = Boolean(endpoint) || Boolean(options.spanProcessors);
  const patching = instrumentations(exporting);

  const contextManager = new AsyncLocalStorageContextManager();
  contextManager.enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(
    new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  );
  const provider = new TracerProvider({
    // OTEL_RESOURCE_ATTRIBUTES, the process and the host, as the SDK detected them.
    resource: defaultResource()
      .merge(detectResources({ detectors: [envDetector, processDetector, hostDetector] }))
      .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.OTEL_SERVICE_NAME ?? service })),
    // Nothing reads spans without an exporter: they are not recorded (recording them cost most of
    // the hot read's throughput, docs/BENCHMARKS.md), but each still gets its trace and span ids,
    // which propagate and reach the logs. With one, parent-based always on unless
    // OTEL_TRACES_SAMPLER says otherwise.
    sampler: exporting ? samplerFromConfig(config) : new AlwaysOffSampler(),
    spanProcessors: options.spanProcessors ?? [
      endpoint
        ? new BatchSpanProcessor({
            exporter: otlpExporter(endpoint),
            // Spans reach the viewer about a second after they end, and little is lost at exit.
            scheduledDelayMillis: 1000,
          })
        : new NoopSpanProcessor(),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  for (const instrumentation of patching) {
    instrumentation.setTracerProvider(provider);
    if (!instrumentation.getConfig().enabled) instrumentation.enable();
  }
  return {
    exporting,
    shutdown: async () => {
      await provider.shutdown();
      // Unhook too: @fastify/otel subscribes to a process-wide diagnostics channel, so a started
      // SDK left hooked would instrument every Fastify instance created later in the process
      // (twice, after a second start: "decorator already added").
      for (const instrumentation of patching) instrumentation.disable();
    },
  };
}

/** The OTLP/HTTP protobuf exporter, required only when there is an endpoint (it loads protobufjs). */
function otlpExporter(endpoint: string): SpanExporter {
  const exporter = require('@opentelemetry/exporter-trace-otlp-proto') as {
    OTLPTraceExporter: typeof OTLPTraceExporter;
  };
  return new exporter.OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
}
