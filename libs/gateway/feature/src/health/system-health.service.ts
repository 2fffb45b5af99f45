import type { ReadinessReply, ServiceName } from '@bookstore/shared/contracts';
import { healthReadyPattern, SERVICE_NAMES } from '@bookstore/shared/contracts';
import { RpcClient } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { HealthIndicatorService } from '@nestjs/terminus';

import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';

/**
 * Asks every service for its readiness over RabbitMQ. A service that does not answer in time, or
 * answers that a dependency of its own is down, is reported down under its own name.
 */
@Injectable()
export class SystemHealthService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly indicators: HealthIndicatorService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  checks(): (() => Promise<HealthIndicatorResult>)[] {
    return SERVICE_NAMES.map((service) => () => this.check(service));
  }

  private async check(service: ServiceName): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(service);
    try {
      const reply = await this.rpc.send<ReadinessReply>(
        service,
        healthReadyPattern(service),
        {},
        { timeoutMs: this.config.HEALTH_TIMEOUT_MS },
      );
      const failing = Object.entries(reply.details)
        .filter(([, detail]) => detail.status !== 'up')
        .map(([name]) => name);
      return reply.status === 'up' ? indicator.up() : indicator.down({ failing });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
