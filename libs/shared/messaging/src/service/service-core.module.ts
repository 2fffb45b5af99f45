import { ServiceName } from '@bookstore/shared/contracts';
import {
  OpsModule,
  READINESS_CHECKS,
  redisClientProvider,
  RedisHealthIndicator,
} from '@bookstore/shared/platform';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MongooseHealthIndicator } from '@nestjs/terminus';

import { DocumentLocksModule } from '../locks/document-locks.module';
import { MessagingModule } from '../messaging.module';
import { serviceQueues } from '../topology/service-queues';

export interface ServiceCoreOptions {
  service: ServiceName;
  mongoUrl: string;
  /** One database per service. */
  mongoDb: string;
  amqpUrl: string;
  /** Set when the service uses Redis: adds the client and its readiness check. */
  redisUrl?: string;
}

/**
 * The infrastructure every service behind the gateway shares: its own MongoDB database, the event
 * publisher and readiness RPC, and the ops endpoints whose readiness checks MongoDB, a RabbitMQ
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
          // Index builds run at start-up; a missing unique index would break idempotency.
          autoIndex: true,
        }),
        MessagingModule.forService({ service: options.service, amqpUrl: options.amqpUrl }),
        DocumentLocksModule,
        OpsModule.forRoot(
          {
            service: options.service,
            amqpUrl: options.amqpUrl,
            amqpProbe: { kind: 'queue', name: serviceQueues(options.service).rpc },
          },
          [MongooseHealthIndicator, ...redis, checks],
        ),
      ],
      exports: [OpsModule, MessagingModule, DocumentLocksModule],
    };
  }
}
