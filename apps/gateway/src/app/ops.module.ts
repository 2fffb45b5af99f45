import { GatewayConfig } from '@bookstore/gateway/feature';
import { EVENTS_EXCHANGE } from '@bookstore/shared/messaging';
import {
  OpsModule,
  READINESS_CHECKS,
  redisClientProvider,
  RedisHealthIndicator,
} from '@bookstore/shared/platform';
import { DynamicModule, Module } from '@nestjs/common';

/** The gateway's own probes and metrics, on its ops port, apart from the public API. */
@Module({})
export class GatewayOpsModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayOpsModule,
      imports: [
        OpsModule.forRoot(
          {
            service: 'gateway',
            amqpUrls: config.AMQP_URL,
            amqpProbe: { kind: 'exchange', name: EVENTS_EXCHANGE },
            releaseMemoryWhenIdle: config.MEMORY_RELEASE_ON_IDLE,
          },
          [
            redisClientProvider(config.REDIS_URL),
            RedisHealthIndicator,
            {
              provide: READINESS_CHECKS,
              inject: [RedisHealthIndicator],
              useFactory: (redis: RedisHealthIndicator) => [() => redis.check('redis')],
            },
          ],
        ),
      ],
    };
  }
}
