import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import { connect } from 'amqp-connection-manager';

import type { OpsOptions } from './ops.options';
import { OPS_OPTIONS } from './ops.tokens';
import { withTimeout } from './with-timeout';

const PROBE_TIMEOUT_MS = 2000;

/**
 * RabbitMQ readiness through a real broker round trip (a passive declare of the service's queue or
 * exchange), not only an open socket: a broker that accepts TCP but cannot serve fails here.
 */
@Injectable()
export class AmqpHealthIndicator implements OnModuleInit, OnModuleDestroy {
  private connection?: AmqpConnectionManager;
  private channel?: ChannelWrapper;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(OPS_OPTIONS) private readonly options: OpsOptions,
  ) {}

  onModuleInit(): void {
    // Connect early so the first probe does not fail only because the connection is new.
    this.ensureChannel();
  }

  async check(key = 'rabbitmq') {
    const indicator = this.indicators.check(key);
    try {
      const channel = this.ensureChannel();
      const { kind, name } = this.options.amqpProbe;
      const probe = channel
        .waitForConnect()
        .then(() => (kind === 'queue' ? channel.checkQueue(name) : channel.checkExchange(name)));
      await withTimeout(probe, PROBE_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.channel?.close().catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
  }

  private ensureChannel(): ChannelWrapper {
    if (!this.connection) {
      this.connection = connect([...this.options.amqpUrls], { heartbeatIntervalInSeconds: 5 });
      // Errors surface through the probe; the manager reconnects on its own.
      this.connection.on('disconnect', () => undefined);
      this.channel = this.connection.createChannel({ confirm: false });
    }
    return this.channel as ChannelWrapper;
  }
}
