import { connectToAnyNode } from '../connection/connect-to-any-node';
import { DEFAULT_RETRY_DELAY_MS, EVENTS_EXCHANGE, REQUEUE_EXCHANGE } from './messaging.constants';
import {
  DEAD_LETTER_QUEUE_OPTIONS,
  eventsQueueOptions,
  retryQueueOptions,
  RPC_QUEUE_OPTIONS,
} from './queue-options';
import type { QueueDeclaration } from './replace-queue';
import { declareQueue } from './replace-queue';
import { bindRequeueTargets } from './requeue-exchange';
import { DEFAULT_RETRY_TIERS_MS, retryTierQueues } from './retry-tiers';
import { serviceQueues } from './service-queues';

export interface TopologyOptions {
  service: string;
  /** Routing keys (event types) this service consumes. */
  subscriptions: readonly string[];
  retryDelayMs?: number;
  /** The delays of the retry tiers (DEFAULT_RETRY_TIERS_MS); the consumer must use the same. */
  retryTiersMs?: readonly number[];
}

/** The queues a service owns, each with its arguments and its bindings to the events exchange. */
export function serviceQueueDeclarations(options: TopologyOptions): QueueDeclaration[] {
  const queues = serviceQueues(options.service);
  return [
    { name: queues.rpc, options: RPC_QUEUE_OPTIONS, bindings: [] },
    { name: queues.events, options: eventsQueueOptions(options.service), bindings: options.subscriptions },
    {
      name: queues.retry,
      options: retryQueueOptions(options.service, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS),
      bindings: [],
    },
    { name: queues.deadLetter, options: DEAD_LETTER_QUEUE_OPTIONS, bindings: [] },
    ...retryTierQueues(options.service, options.retryTiersMs ?? DEFAULT_RETRY_TIERS_MS),
  ];
}

/**
 * Opens a short-lived connection to any node of `urls` and declares the exchange and a service's
 * queues and bindings, retrying while the broker starts. Idempotent, so every instance runs it at
 * start-up before consuming; a queue an earlier release declared otherwise (classic) is replaced
 * with its messages kept (see `declareQueue`).
 */
export async function declareTopology(
  urls: readonly string[],
  options: TopologyOptions,
  attempts = 60,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const connection = await connectToAnyNode(urls);
      try {
        const channel = await connection.createChannel();
        await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
        // Before the queues: their dead-letter exchange (see eventsQueueOptions).
        await channel.assertExchange(REQUEUE_EXCHANGE, 'topic', { durable: true });
        await channel.close();
        for (const declaration of serviceQueueDeclarations(options))
          await declareQueue(connection, declaration);
        const bindings = await connection.createChannel();
        await bindRequeueTargets(bindings, options.service, options.retryTiersMs ?? DEFAULT_RETRY_TIERS_MS);
        await bindings.close();
      } finally {
        await connection.close().catch(() => undefined);
      }
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
