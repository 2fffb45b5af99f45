import type { Channel } from 'amqplib';
import { connect } from 'amqplib';

import { DEFAULT_RETRY_DELAY_MS, EVENTS_EXCHANGE } from './messaging.constants';
import { eventsQueueOptions, retryQueueOptions, RPC_QUEUE_OPTIONS } from './queue-options';
import { serviceQueues } from './service-queues';

export interface TopologyOptions {
  service: string;
  /** Routing keys (event types) this service consumes. */
  subscriptions: readonly string[];
  retryDelayMs?: number;
}

/**
 * Declares the exchange and a service's queues and bindings. Idempotent, so every instance runs it
 * at start-up before consuming.
 */
export async function assertServiceTopology(channel: Channel, options: TopologyOptions): Promise<void> {
  const queues = serviceQueues(options.service);
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  await channel.assertQueue(queues.rpc, RPC_QUEUE_OPTIONS);
  await channel.assertQueue(queues.events, eventsQueueOptions(options.service));
  await channel.assertQueue(
    queues.retry,
    retryQueueOptions(options.service, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS),
  );
  await channel.assertQueue(queues.deadLetter, { durable: true });
  for (const routingKey of options.subscriptions) {
    await channel.bindQueue(queues.events, EVENTS_EXCHANGE, routingKey);
  }
}

/** Opens a short-lived connection to declare the topology, retrying while the broker starts. */
export async function declareTopology(url: string, options: TopologyOptions, attempts = 60): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const connection = await connect(url);
      try {
        const channel = await connection.createChannel();
        await assertServiceTopology(channel, options);
        await channel.close();
      } finally {
        await connection.close();
      }
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
