import type { ServiceName } from '@bookstore/shared/contracts';
import {
  declareTopology,
  eventServerOptions,
  exchangeRepliesStrategy,
  InFlightTracker,
  MessageAckInterceptor,
  rpcServerOptions,
} from '@bookstore/shared/messaging';
import type { LogLevelName } from '@bookstore/shared/platform';
import {
  createServiceLogger,
  flushLogs,
  nestLoggerFor,
  opsHttpAdapter,
  RpcErrorFilter,
} from '@bookstore/shared/platform';
import { requestActorInterceptor } from '@bookstore/shared/security';
import type { DynamicModule, INestApplication, LoggerService, Type } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

export interface ServiceBootstrap {
  service: ServiceName;
  module: Type<unknown> | DynamicModule;
  /** Every broker node's URL (see InfraConfig.AMQP_URL). */
  amqpUrls: readonly string[];
  opsPort: number;
  logLevel: LogLevelName;
  /** Event types this service consumes; its events queue is bound to exactly these. */
  subscriptions: readonly string[];
  prefetch?: number;
  drainTimeoutMs?: number;
}

/**
 * Starts a service: declares its RabbitMQ topology, consumes its RPC and events queues with explicit
 * acks, derives each request's actor from its verified access token (RequestActorInterceptor),
 * serves probes and metrics on the ops port, and on SIGTERM/SIGINT stops taking messages, lets
 * in-flight ones finish, then closes connections.
 */
export async function runService(options: ServiceBootstrap): Promise<INestApplication> {
  const log = createServiceLogger({ service: options.service, level: options.logLevel });
  const logger = nestLoggerFor(log);
  Logger.overrideLogger(logger);
  await declareTopology(options.amqpUrls, { service: options.service, subscriptions: options.subscriptions });

  tolerateBrokerRestarts(logger);
  const app = await NestFactory.create(options.module, opsHttpAdapter(), { logger });
  const tracker = new InFlightTracker();
  const interceptor = new MessageAckInterceptor(options.service, tracker);
  // Inside the ack interceptor: who asks comes from the verified access token, never the message.
  const actors = requestActorInterceptor(app);
  for (const server of [
    rpcServerOptions(options.amqpUrls, options.service, options.prefetch),
    eventServerOptions(options.amqpUrls, options.service, options.prefetch),
  ]) {
    // Deferred: a connected microservice registers its handlers at once, and enhancers added after
    // that are silently ignored (messages were never acked). The app runs the lifecycle hooks once.
    // Replies go through the replies exchange, not the default one (see REPLIES_EXCHANGE).
    const microservice = app.connectMicroservice(exchangeRepliesStrategy(server), {
      deferInitialization: true,
    });
    (microservice as unknown as { setIsInitHookCalled(called: boolean): void }).setIsInitHookCalled(true);
    microservice.useGlobalInterceptors(interceptor, actors);
    microservice.useGlobalFilters(new RpcErrorFilter());
  }
  // Lifecycle hooks (keys loaded, connections open) before the first message is consumed.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(options.opsPort, '0.0.0.0');
  logger.log({ msg: `${options.service} ready`, opsPort: options.opsPort }, 'Bootstrap');

  onShutdownSignal(async (signal) => {
    logger.log({ msg: 'shutting down', signal, inFlight: tracker.inFlight }, 'Bootstrap');
    await tracker.drain(options.drainTimeoutMs ?? 15_000);
    await app.close();
    await flushLogs(log);
  });
  return app;
}

/** Runs `stop` once on the first SIGTERM or SIGINT, then exits; a second signal exits at once. */
export function onShutdownSignal(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    stop(signal)
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

/**
 * Nest's RMQ server sends replies through amqp-connection-manager without handling the promise;
 * when the broker restarts mid-reply that rejection is unhandled and Node would end the process
 * (seen in the chaos suite). A lost reply is harmless (the caller times out, the request expired),
 * so exactly that case is logged; any other unhandled rejection still ends the process.
 */
function tolerateBrokerRestarts(logger: LoggerService): void {
  process.on('unhandledRejection', (reason: unknown) => {
    const message = reason instanceof Error ? reason.message : String(reason);
    if (/channel (closed|ended)|connection closed|not connected/i.test(message)) {
      logger.warn({ msg: 'message lost while the broker connection closed', error: message }, 'Messaging');
      return;
    }
    throw reason;
  });
}
