import type { EventEnvelope } from '@bookstore/shared/contracts';
import { USER_REGISTERED } from '@bookstore/shared/contracts';
import { RpcErrorFilter } from '@bookstore/shared/platform';
import type { INestMicroservice } from '@nestjs/common';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';

import { EventPayloadPipe } from '../consuming/event-payload.pipe';
import { InFlightTracker } from '../consuming/in-flight.tracker';
import { MessageAckInterceptor } from '../consuming/message-ack.interceptor';
import { eventServerOptions } from '../topology/rmq-options';

/** What a test consumer saw: every delivery of every event id. */
export class Deliveries {
  readonly seen: string[] = [];

  count(eventId: string): number {
    return this.seen.filter((id) => id === eventId).length;
  }
}

/**
 * A real Nest RMQ consumer of `user.registered` on `<service>.events`, wired exactly like
 * `runService` wires services (ack interceptor, error filter, payload pipe). `fail` makes every
 * delivery throw, to exercise retry and dead-lettering; a function decides per delivery (1-based)
 * and event what to throw, if anything. `retryTiersMs` must match what `declareTopology` was given.
 */
export async function startTestConsumer(
  amqpUrls: readonly string[],
  service: string,
  deliveries: Deliveries,
  fail: boolean | ((delivery: number, eventId: string) => Error | null) = false,
  retryTiersMs?: readonly number[],
): Promise<INestMicroservice> {
  @Controller()
  class TestController {
    @EventPattern(USER_REGISTERED)
    async handle(@Payload(EventPayloadPipe) event: EventEnvelope): Promise<void> {
      deliveries.seen.push(event.eventId);
      const failure =
        typeof fail === 'function'
          ? fail(deliveries.count(event.eventId), event.eventId)
          : fail
            ? new Error('handler always fails')
            : null;
      if (failure) throw failure;
    }
  }

  @Module({ controllers: [TestController] })
  class TestModule {}

  const app = await NestFactory.createMicroservice(TestModule, {
    ...eventServerOptions(amqpUrls, service),
    logger: false,
  });
  app.useGlobalInterceptors(new MessageAckInterceptor(service, new InFlightTracker(), retryTiersMs));
  app.useGlobalFilters(new RpcErrorFilter());
  await app.listen();
  return app;
}
