import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import { ready } from './metrics.registry';
import { ReadinessService } from './readiness.service';
import { withTimeout } from './with-timeout';

/** Under the gauge's own limit: a readiness check that hangs this long counts as not ready. */
const READY_TIMEOUT_MS = 2500;

/**
 * `bookstore_ready`: the app's readiness checks run at scrape time, 1 when all pass. Beside
 * Prometheus's `up` (the process answers) it tells "up but cannot serve" (MongoDB, RabbitMQ or
 * Redis unreachable, heap over its limit) apart from "down".
 */
@Injectable()
export class ReadinessMetrics implements OnModuleInit, OnModuleDestroy {
  private stop?: () => void;

  constructor(private readonly readiness: ReadinessService) {}

  onModuleInit(): void {
    this.stop = ready.read(async () => {
      const report = await withTimeout(this.readiness.report(), READY_TIMEOUT_MS).catch(() => undefined);
      return [{ value: report?.status === 'ok' ? 1 : 0 }];
    });
  }

  onModuleDestroy(): void {
    this.stop?.();
  }
}
