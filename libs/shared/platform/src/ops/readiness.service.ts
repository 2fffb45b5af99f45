import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  HealthCheckError,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorFunction,
  MemoryHealthIndicator,
} from '@nestjs/terminus';

import { AmqpHealthIndicator } from './amqp.health';
import { OpsOptions } from './ops.options';
import { OPS_OPTIONS, READINESS_CHECKS } from './ops.tokens';

const DEFAULT_HEAP_LIMIT = 768 * 1024 * 1024;

/**
 * Runs the readiness checks of this app: the RabbitMQ round trip, the heap, and whatever the app
 * contributes (MongoDB, Redis). Used by `/health/ready` and by the `<service>.health.ready` RPC.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly memory: MemoryHealthIndicator,
    private readonly amqp: AmqpHealthIndicator,
    @Inject(OPS_OPTIONS) private readonly options: OpsOptions,
    @Optional() @Inject(READINESS_CHECKS) private readonly extra: HealthIndicatorFunction[] = [],
  ) {}

  checks(): HealthIndicatorFunction[] {
    const heapLimit = this.options.heapLimitBytes ?? DEFAULT_HEAP_LIMIT;
    return [
      () => this.amqp.check('rabbitmq'),
      () => this.memory.checkHeap('memory_heap', heapLimit),
      ...this.extra,
    ];
  }

  /** The Terminus report; throws a 503 ServiceUnavailableException when a check is down. */
  check(): Promise<HealthCheckResult> {
    return this.health.check(this.checks());
  }

  /** The same report without throwing, for callers that relay it. */
  async report(): Promise<HealthCheckResult> {
    try {
      return await this.check();
    } catch (error) {
      const response = (error as { getResponse?: () => unknown }).getResponse?.();
      if (response && typeof response === 'object') return response as HealthCheckResult;
      if (error instanceof HealthCheckError) throw error;
      throw error;
    }
  }
}
