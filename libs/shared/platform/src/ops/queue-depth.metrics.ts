import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import { connect } from 'amqp-connection-manager';
import type { Replies } from 'amqplib';

import { queueConsumers, queueMessages } from './metrics.registry';
import type { OpsOptions } from './ops.options';
import { OPS_OPTIONS } from './ops.tokens';
import { withTimeout } from './with-timeout';

/** A scrape reads every queue at once; past this the queues' series are left out of that scrape. */
const READ_TIMEOUT_MS = 2000;

/**
 * `bookstore_queue_messages` and `bookstore_queue_consumers` for the app's own queues, read at
 * scrape time by a passive declare of each (one round trip per queue, in parallel, on a channel of
 * its own so a failure never closes the readiness probe's). Not RabbitMQ's management API: that
 * needs the management plugin, an HTTP port and a user with a monitoring tag, none of which a
 * service's broker user has (README, "Broker users"), and its figures lag by the stats interval;
 * a passive declare needs nothing beyond what the service already holds, on any node.
 */
@Injectable()
export class QueueDepthMetrics implements OnModuleInit, OnModuleDestroy {
  private connection?: AmqpConnectionManager;
  private channel?: ChannelWrapper;
  private readonly stop: (() => void)[] = [];

  constructor(@Inject(OPS_OPTIONS) private readonly options: OpsOptions) {}

  onModuleInit(): void {
    const queues = this.options.queues ?? [];
    if (!queues.length) return;
    this.connection = connect([...this.options.amqpUrls], { heartbeatIntervalInSeconds: 5 });
    // Errors surface as a failed read; the manager reconnects on its own.
    this.connection.on('disconnect', () => undefined);
    const channel = this.connection.createChannel({ confirm: false });
    this.channel = channel;
    // Both gauges come from the same declares; a scrape reads them once, shortly apart.
    let pending: Promise<Replies.AssertQueue[]> | undefined;
    const declares = () => {
      pending ??= withTimeout(
        channel.waitForConnect().then(() => Promise.all(queues.map((queue) => channel.checkQueue(queue)))),
        READ_TIMEOUT_MS,
      ).finally(() => setTimeout(() => (pending = undefined), 100).unref());
      return pending;
    };
    this.stop.push(
      queueMessages.read(async () =>
        (await declares()).map((reply) => ({ labels: { queue: reply.queue }, value: reply.messageCount })),
      ),
      queueConsumers.read(async () =>
        (await declares()).map((reply) => ({ labels: { queue: reply.queue }, value: reply.consumerCount })),
      ),
    );
  }

  async onModuleDestroy(): Promise<void> {
    for (const stop of this.stop) stop();
    await this.channel?.close().catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
  }
}
