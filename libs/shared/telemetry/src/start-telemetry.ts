import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import { AlwaysOffSampler, BatchSpanProcessor, NoopSpanProcessor } from '@opentelemetry/sdk-trace';

import type { TelemetryConfig } from './config/telemetry.config';
import { loadTelemetryConfig } from './config/telemetry.config';
import { instrumentations } from './instrumentations';

export interface TelemetryOptions {
  /** Replaces the span processors chosen from the config (specs pass an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
  config?: TelemetryConfig;
}

/** A started SDK: `shutdown` exports what is still buffered. */
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
 * Metrics and logs are not exported through OpenTelemetry (prom-client and pino cover them), so
 * their OTLP defaults are turned off rather than left posting to a collector nobody runs.
 */
export function startTelemetry(service: string, options: TelemetryOptions = {}): Telemetry {
  const config = options.config ?? loadTelemetryConfig();
  // Constructing an instrumentation already patches its module on load (http, amqplib…), whatever
  // the SDK then does: disabled means none is built.
  if (config.OTEL_SDK_DISABLED === 'true') return { exporting: false, shutdown: async () => undefined };
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  const spanProcessors = options.spanProcessors ?? [
    endpoint
      ? new BatchSpanProcessor({
          exporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }),
          // Spans reach the viewer about a second after they end, and little is lost at exit.
          scheduledDelayMillis: 1000,
        })
      : new NoopSpanProcessor(),
  ];
  const exporting = Boolean(endpoint) || Boolean(options.spanProcessors);
  const sdk = new NodeSDK({
    serviceName: config.OTEL_SERVICE_NAME ?? service,
    // Nothing reads spans without an exporter: they are not recorded (recording them cost most of
    // the hot read's throughput, docs/BENCHMARKS.md), but each still gets its trace and span ids,
    // which propagate and reach the logs. With one, the SDK's default (parent-based, always on,
    // OTEL_TRACES_SAMPLER overrides it).
    ...(!exporting && { sampler: new AlwaysOffSampler() }),
    instrumentations: instrumentations(exporting),
    spanProcessors,
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { exporting, shutdown: () => sdk.shutdown() };
}
