import type { Channel } from 'amqplib';

import { REQUEUE_EXCHANGE } from './messaging.constants';
import { DEFAULT_RETRY_TIERS_MS, retryTierQueue } from './retry-tiers';
import { serviceQueues } from './service-queues';

/**
 * The queues a service hands messages to itself, by name: its events queue (a replay, and where a
 * retry queue's TTL dead-letters to), the retry queues (a failed event) and its dead-letter queue. All are named `<service>.…`, which is what the
 * service's topic permission on REQUEUE_EXCHANGE allows (tools/infra/broker-users.sh).
 */
export function requeueTargets(
  service: string,
  retryTiersMs: readonly number[] = DEFAULT_RETRY_TIERS_MS,
): string[] {
  const queues = serviceQueues(service);
  return [
    queues.events,
    queues.retry,
    ...retryTiersMs.map((delayMs) => retryTierQueue(service, delayMs)),
    queues.deadLetter,
  ];
}

/**
 * Declares REQUEUE_EXCHANGE and binds each of `requeueTargets` with its own name as routing key, so
 * a publish there with a queue's name reaches exactly that queue, as `sendToQueue` would without
 * needing write on the default exchange. Run after the queues exist (declareTopology).
 */
export async function bindRequeueTargets(
  channel: Channel,
  service: string,
  retryTiersMs: readonly number[] = DEFAULT_RETRY_TIERS_MS,
): Promise<void> {
  await channel.assertExchange(REQUEUE_EXCHANGE, 'topic', { durable: true });
  for (const queue of requeueTargets(service, retryTiersMs))
    await channel.bindQueue(queue, REQUEUE_EXCHANGE, queue);
}
