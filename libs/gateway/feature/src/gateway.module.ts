import { RpcClient } from '@bookstore/shared/messaging';
import { REDIS_CLIENT, redisClientProvider, RedisHealthIndicator } from '@bookstore/shared/platform';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';

import type { GatewayConfig } from './config/gateway.config';
import { GATEWAY_CONFIG } from './config/gateway.config';
import { SystemHealthController } from './health/system-health.controller';
import { SystemHealthService } from './health/system-health.service';
import { HttpErrorFilter } from './http/http-error.filter';

/**
 * Shared wiring of the gateway: config, the RPC client to every service, Redis, the error filter
 * and metrics. Route modules (auth, catalog, orders, notifications) build on what this exports.
 */
@Module({})
export class GatewayCoreModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayCoreModule,
      global: true,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [SystemHealthController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: RpcClient, useFactory: () => new RpcClient(config.AMQP_URL, config.RPC_TIMEOUT_MS) },
        redisClientProvider(config.REDIS_URL),
        RedisHealthIndicator,
        SystemHealthService,
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
      exports: [GATEWAY_CONFIG, RpcClient, REDIS_CLIENT],
    };
  }
}
