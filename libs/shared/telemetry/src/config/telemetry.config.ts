import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUrl, Matches, validateSync } from 'class-validator';

/** The samplers `OTEL_TRACES_SAMPLER` may name (the OpenTelemetry SDK's built-in ones). */
export const TRACES_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

/**
 * The standard OpenTelemetry variables this system reads. Tracing is always on; with no endpoint
 * nothing is exported (spans still exist, so trace ids reach the logs and the broker headers).
 *
 * Read here rather than through the platform's `loadConfig`: telemetry starts before anything
 * else is required (the instrumentations patch amqplib, mongodb, ioredis and http only when they
 * load later), and the platform lib loads amqplib and ioredis.
 */
export class TelemetryConfig {
  /** OTLP/HTTP base URL (the exporter posts to `<endpoint>/v1/traces`), e.g. http://127.0.0.1:4318. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The `service.name` of every span; defaults to the service's own name. */
  @IsOptional()
  @IsString()
  @Matches(/^\S+$/, { message: 'OTEL_SERVICE_NAME must be one word' })
  OTEL_SERVICE_NAME?: string;

  /**
   * `true` (any case): no SDK and no instrumentation at all. The SDK honours it by itself, but the
   * instrumentations patch their modules as soon as they are constructed, so `startTelemetry`
   * must not even build them.
   */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'OTEL_SDK_DISABLED must be true or false' })
  OTEL_SDK_DISABLED?: string;

  /** The sampler when exporting (the SDK's names); unset: `parentbased_always_on`. */
  @IsOptional()
  @IsIn(TRACES_SAMPLERS, { message: `OTEL_TRACES_SAMPLER must be one of ${TRACES_SAMPLERS.join(', ')}` })
  OTEL_TRACES_SAMPLER?: (typeof TRACES_SAMPLERS)[number];

  /** The ratio of the `…traceidratio` samplers, 0 to 1; unset: 1. */
  @IsOptional()
  @Matches(/^(0(\.\d+)?|1(\.0+)?)$/, { message: 'OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1' })
  OTEL_TRACES_SAMPLER_ARG?: string;
}

/** Reads and validates `TelemetryConfig`; throws one error naming every invalid variable. */
export function loadTelemetryConfig(env: NodeJS.ProcessEnv = process.env): TelemetryConfig {
  const given = {
    OTEL_EXPORTER_OTLP_ENDPOINT: env['OTEL_EXPORTER_OTLP_ENDPOINT'] || undefined,
    OTEL_SERVICE_NAME: env['OTEL_SERVICE_NAME'] || undefined,
    OTEL_SDK_DISABLED: env['OTEL_SDK_DISABLED']?.trim().toLowerCase() || undefined,
    OTEL_TRACES_SAMPLER: env['OTEL_TRACES_SAMPLER'] || undefined,
    OTEL_TRACES_SAMPLER_ARG: env['OTEL_TRACES_SAMPLER_ARG'] || undefined,
  };
  const config = plainToInstance(TelemetryConfig, given);
  const problems = validateSync(config).flatMap((error) =>
    Object.keys(error.constraints ?? { invalid: '' }).map((rule) => `${error.property}: ${rule}`),
  );
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
