import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';

import type { GatewayConfig } from '../config/gateway.config';
import { correlationContextHook, correlationIdHook } from './correlation-id';
import { answerFrameworkError } from './framework-errors';
import { httpMetricsHook } from './http-metrics.hook';
import { acceptEmptyJsonBodies } from './json-body.parser';
import { queryStringGuardHook } from './query-string.guard';
import { RequestLogController } from './request-log.controller';
import { securityHeadersHook } from './security-headers';
import { trustProxyOption } from './trusted-proxies';
import { createValidationPipe } from './validation.pipe';

export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * The gateway's HTTP server: Fastify. Measured on this machine, a minimal Nest app served three
 * times the requests per second on Fastify that it served on Express (docs/BENCHMARKS.md).
 * Fastify logs through `logger`, the service's pino logger that Nest's logs use too (without one,
 * in specs, Fastify logs nothing).
 */
export function gatewayHttpAdapter(
  config: Pick<GatewayConfig, 'TRUSTED_PROXIES'>,
  logger?: Logger,
): FastifyAdapter {
  return new FastifyAdapter({
    ...(logger && {
      loggerInstance: logger,
      logController: new RequestLogController(logger),
      // No child logger per request: the request line carries its correlation id itself, and the
      // hot read spends nothing on a logger it would not use.
      childLoggerFactory: (parent: FastifyBaseLogger) => parent,
    }),
    bodyLimit: BODY_LIMIT_BYTES,
    // No Nest middleware in the gateway (hooks do that work): without middie, no request pays for
    // its onRequest hook. `app.use()` would now throw: add a Fastify hook instead.
    skipMiddie: true,
    // X-Forwarded-For is believed only from the proxies TRUSTED_PROXIES names (the client address
    // feeds every rate limit); by default from none.
    trustProxy: trustProxyOption(config.TRUSTED_PROXIES),
    // Idle keep-alive sockets outlive any client's or proxy's own idle timeout, so a client never
    // reuses a socket the gateway is closing at that instant (the "other side closed" race).
    keepAliveTimeout: 65_000,
    // What the router refuses before any hook (an undecodable path, an over-long id) in the shared shape.
    frameworkErrors: answerFrameworkError,
  });
}

/** Everything every public route shares: headers, CORS, body parsing, prefix, validation, metrics. */
export async function configureGatewayHttp(
  app: NestFastifyApplication,
  config: GatewayConfig,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', correlationIdHook);
  fastify.addHook('onRequest', securityHeadersHook);
  fastify.addHook('onRequest', queryStringGuardHook);
  fastify.addHook('preHandler', correlationContextHook);
  fastify.addHook('onResponse', httpMetricsHook);
  acceptEmptyJsonBodies(fastify);
  app.enableCors({ origin: config.CORS_ORIGINS, exposedHeaders: ['x-correlation-id', 'retry-after'] });
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(createValidationPipe());
  app.getHttpServer().headersTimeout = 66_000;
}
