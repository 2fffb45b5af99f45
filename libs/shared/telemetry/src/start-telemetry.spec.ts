import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import Fastify from 'fastify';

import { loadTelemetryConfig } from './config/telemetry.config';
import { startTelemetry } from './start-telemetry';

// Counts the loads of the OTLP exporter (protobufjs and the OTLP transformer behind it): only an
// endpoint should bring it in.
const mockExporterLoads = jest.fn();
jest.mock('@opentelemetry/exporter-trace-otlp-proto', () => {
  mockExporterLoads();
  return jest.requireActual('@opentelemetry/exporter-trace-otlp-proto');
});

describe('loadTelemetryConfig', () => {
  it('reads the endpoint and service name, empty meaning unset', () => {
    expect(loadTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SERVICE_NAME: '' })).toEqual({});
    expect(
      loadTelemetryConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
        OTEL_SERVICE_NAME: 'orders-eu',
      }),
    ).toEqual({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SERVICE_NAME: 'orders-eu' });
  });

  it('stops at start-up on a malformed variable, naming it', () => {
    expect(() => loadTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
    expect(() => loadTelemetryConfig({ OTEL_SERVICE_NAME: 'two words' })).toThrow(/OTEL_SERVICE_NAME/);
    expect(() => loadTelemetryConfig({ OTEL_SDK_DISABLED: 'yes' })).toThrow(/OTEL_SDK_DISABLED/);
  });

  it('reads the sampler variables, refusing an unknown sampler or a ratio outside 0..1', () => {
    expect(
      loadTelemetryConfig({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }),
    ).toEqual({
      OTEL_TRACES_SAMPLER: 'traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    });
    expect(() => loadTelemetryConfig({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(/OTEL_TRACES_SAMPLER/);
    expect(() => loadTelemetryConfig({ OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
  });

  it('reads OTEL_SDK_DISABLED in any case', () => {
    expect(loadTelemetryConfig({ OTEL_SDK_DISABLED: 'TRUE' })).toEqual({ OTEL_SDK_DISABLED: 'true' });
  });
});

describe('startTelemetry', () => {
  // Each test registers its own SDK; the API's globals refuse a second registration.
  afterEach(() => {
    trace.disable();
    context.disable();
    propagation.disable();
  });

  const inSpan = <T>(fn: () => T): T =>
    trace.getTracer('spec').startActiveSpan('work', (span) => {
      try {
        return fn();
      } finally {
        span.end();
      }
    });

  it('without an exporter records nothing but still gives ids that propagate (logs, headers)', async () => {
    const telemetry = startTelemetry('spec', { config: {} });
    try {
      expect(telemetry.exporting).toBe(false);
      const seen = inSpan(() => {
        const headers: Record<string, string> = {};
        propagation.inject(context.active(), headers);
        const span = trace.getActiveSpan();
        return { headers, ids: span?.spanContext(), recording: span?.isRecording() };
      });
      expect(seen.recording).toBe(false);
      expect(seen.ids?.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(seen.ids?.traceId).not.toBe('0'.repeat(32));
      expect(seen.headers['traceparent']).toBe(`00-${seen.ids?.traceId}-${seen.ids?.spanId}-00`);
      expect(mockExporterLoads).not.toHaveBeenCalled();
    } finally {
      await telemetry.shutdown();
    }
  });

  it('disabled starts nothing: no instrumentation is built (each patches its module when built)', async () => {
    const instrumentation = jest.requireActual<typeof import('./instrumentations')>('./instrumentations');
    const built = jest.spyOn(instrumentation, 'instrumentations');
    const telemetry = startTelemetry('spec', { config: { OTEL_SDK_DISABLED: 'true' } });
    try {
      expect(telemetry.exporting).toBe(false);
      expect(built).not.toHaveBeenCalled();
      // No context manager either: no span is ever active, so no id reaches a log or a header.
      expect(inSpan(() => trace.getActiveSpan())).toBeUndefined();
    } finally {
      built.mockRestore();
      await telemetry.shutdown();
    }
  });

  it('with an exporter records each span under the service name', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = startTelemetry('spec', {
      config: {},
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
    try {
      expect(telemetry.exporting).toBe(true);
      inSpan(() => undefined);
      // Exported once the resource's detected attributes (host, process) have resolved.
      for (let waited = 0; exporter.getFinishedSpans().length === 0 && waited < 2000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const [span] = exporter.getFinishedSpans();
      expect(span?.name).toBe('work');
      expect(span?.resource.attributes['service.name']).toBe('spec');
    } finally {
      await telemetry.shutdown();
    }
  });

  it('with an endpoint loads the OTLP exporter, and only then', async () => {
    const telemetry = startTelemetry('spec', {
      config: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' },
    });
    try {
      expect(telemetry.exporting).toBe(true);
      expect(mockExporterLoads).toHaveBeenCalledTimes(1);
      // Recorded (left unended: nothing is posted to an endpoint that does not answer here).
      expect(trace.getTracer('spec').startSpan('unended').isRecording()).toBe(true);
    } finally {
      await telemetry.shutdown();
    }
  });

  it('shutdown unhooks: a Fastify instance created after it is not instrumented, after any number of starts', async () => {
    const exporter = new InMemorySpanExporter();
    for (let start = 0; start < 2; start++) {
      const telemetry = startTelemetry('spec', {
        config: {},
        spanProcessors: [new SimpleSpanProcessor({ exporter })],
      });
      const traced = Fastify();
      await traced.ready();
      expect(traced.hasPlugin('@fastify/otel')).toBe(true);
      await traced.close();
      await telemetry.shutdown();
    }
    // @fastify/otel hooks a process-wide diagnostics channel: left subscribed, it would decorate
    // this instance once per earlier start ("decorator already added").
    const after = Fastify();
    await after.ready();
    expect(after.hasPlugin('@fastify/otel')).toBe(false);
    await after.close();
  });

  it('when exporting, follows OTEL_TRACES_SAMPLER', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = startTelemetry('spec', {
      config: { OTEL_TRACES_SAMPLER: 'always_off' },
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    });
    try {
      expect(inSpan(() => trace.getActiveSpan()?.isRecording())).toBe(false);
    } finally {
      await telemetry.shutdown();
    }
  });
});
