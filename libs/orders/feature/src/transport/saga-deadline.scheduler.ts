import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { ExpireOrdersHandler } from '../commands/expire-orders/expire-orders.handler';
import type { OrdersConfig } from '../config/orders.config';
import { ORDERS_CONFIG } from '../orders.tokens';

/**
 * Runs the saga deadline's sweep (`ExpireOrdersHandler`) every `sweepIntervalMs()`, one sweep at a
 * time per instance. Every replica sweeps: no leader election is needed because each move is a
 * conditional update that only one of them wins. A failed sweep (MongoDB down) is logged and the
 * next one tries again.
 */
@Injectable()
export class SagaDeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SagaDeadlineScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly expireOrders: ExpireOrdersHandler,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(), this.config.sweepIntervalMs());
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private sweep(): void {
    if (this.running) return;
    this.running = this.expireOrders
      .execute()
      .then(() => undefined)
      .catch((error: unknown) =>
        this.logger.warn({ msg: 'saga deadline sweep failed', error: String(error) }),
      )
      .finally(() => (this.running = undefined));
  }
}
