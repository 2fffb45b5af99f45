import { ServiceName } from '@bookstore/shared/contracts';
import {
  EventPublisher,
  MessagingModule,
  serviceQueueDeclarations,
  serviceQueues,
} from '@bookstore/shared/messaging';
import { OUTBOX_PUBLISHER } from '@bookstore/shared/persistence';
import {
  OpsModule,
  READINESS_CHECKS,
  redisClientProvider,
  RedisHealthIndicator,
} from '@bookstore/shared/platform';
import { ActorVerificationModule } from '@bookstore/shared/security';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MongooseHealthIndicator } from '@nestjs/terminus';

import { DeadLettersModule } from '../dead-letters/dead-letters.module';
import { IndexBuilder } from './index-builder';

export interface ServiceCoreOptions {
  service: ServiceName;
  mongoUrl: string;
  /** One database per service. */
  mongoDb: string;
  /** Every broker node's URL. */
  amqpUrls: readonly string[];
  /** Set when the service uses Redis: adds the client and its readiness check. */
  redisUrl?: string;
  /**
   * The service holds the signing keys (auth) and provides PUBLIC_KEY_SOURCE itself; the others
   * verify access tokens with the JWKS fetched from auth.
   */
  ownSigningKeys?: boolean;
  /** MEMORY_RELEASE_ON_IDLE: give memory back after an idle spell (default true). */
  releaseMemoryWhenIdle?: boolean;
}

/**
 * The infrastructure every service behind the gateway shares: its own MongoDB database, the event
 * publisher (also the outbox relays' `OUTBOX_PUBLISHER`) and readiness RPC, and the ops endpoints whose readiness checks MongoDB, a RabbitMQ
 * round trip, Redis where used, and the heap.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot(options: ServiceCoreOptions): DynamicModule {
    const redis: Provider[] = options.redisUrl
      ? [redisClientProvider(options.redisUrl), RedisHealthIndicator]
      : [];
    const checks: Provider = {
      provide: READINESS_CHECKS,
      inject: options.redisUrl ? [MongooseHealthIndicator, RedisHealthIndicator] : [MongooseHealthIndicator],
      useFactory: (mongo: MongooseHealthIndicator, cache?: RedisHealthIndicator) => [
        () => mongo.pingCheck('mongodb', { timeout: 1500 }),
        ...(cache ? [() => cache.check('redis')] : []),
      ],
    };
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [
        MongooseModule.forRoot(options.mongoUrl, {
          dbName: options.mongoDb,
          serverSelectionTimeoutMS: 5000,
          // Indexes are built by IndexBuilder, one collection at a time, before consuming starts.
          autoIndex: false,
        }),
        MessagingModule.forService({ service: options.service, amqpUrls: options.amqpUrls }),
        DeadLettersModule.forService({ service: options.service, amqpUrls: options.amqpUrls }),
        ActorVerificationModule.forService({ amqpUrls: options.amqpUrls, ownKeys: options.ownSigningKeys }),
        OpsModule.forRoot(
          {
            service: options.service,
            amqpUrls: options.amqpUrls,
            amqpProbe: { kind: 'queue', name: serviceQueues(options.service).rpc },
            // Every queue declareTopology declares for it (bindings do not change the names).
            queues: serviceQueueDeclarations({ service: options.service, subscriptions: [] }).map(
              (queue) => queue.name,
            ),
            releaseMemoryWhenIdle: options.releaseMemoryWhenIdle,
          },
          [MongooseHealthIndicator, ...redis, checks],
        ),
      ],
      // The outbox relays of the features publish through the service's confirmed publisher.
      providers: [{ provide: OUTBOX_PUBLISHER, useExisting: EventPublisher }, IndexBuilder],
      exports: [OpsModule, MessagingModule, OUTBOX_PUBLISHER],
    };
  }
}
