import type { Options } from 'amqplib';

import { REQUEUE_EXCHANGE } from './messaging.constants';
import { serviceQueues } from './service-queues';

/**
 * The one place that decides how a durable queue is declared: a quorum queue (replicated by Raft
 * across the cluster's nodes, so losing the node that leads it loses no confirmed message; a
 * classic queue lives on one node). Every declaration of a durable queue goes through here, and the
 * Nest transport's `queueOptions` use the same objects, because the broker refuses a redeclaration
 * with other arguments (406 PRECONDITION_FAILED).
 *
 * What a quorum queue cannot be: exclusive, auto-delete or non-durable (the gateway's broadcast
 * queues stay classic for that reason: they are not durable work) nor consumed with a global
 * prefetch. Message TTL and dead-lettering work from RabbitMQ 3.10 on; dead-lettering is
 * at-least-once (it needs the `reject-publish` overflow), so a message that leaves a queue through
 * its dead-letter exchange is not dropped when the target is briefly unavailable.
 */
export function durableQueueOptions(extra: Options.AssertQueue['arguments'] = {}): Options.AssertQueue {
  const deadLetters = extra !== undefined && 'x-dead-letter-exchange' in extra;
  return {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      ...(deadLetters ? { 'x-dead-letter-strategy': 'at-least-once', 'x-overflow': 'reject-publish' } : {}),
      ...extra,
    },
  };
}

/**
 * Arguments of a service's events queue. A rejected message goes through the requeue exchange to
 * the retry queue; both sides must declare it with exactly these arguments. Dead-lettering goes
 * through REQUEUE_EXCHANGE, not the default exchange: declaring a queue with a dead-letter exchange
 * needs write on that exchange, and the services have none on `amq.default`.
 */
export function eventsQueueOptions(service: string): Options.AssertQueue {
  const queues = serviceQueues(service);
  return durableQueueOptions({
    'x-dead-letter-exchange': REQUEUE_EXCHANGE,
    'x-dead-letter-routing-key': queues.retry,
  });
}

/** The retry queue holds a message for `delayMs`, then dead-letters it back to the events queue. */
export function retryQueueOptions(service: string, delayMs: number): Options.AssertQueue {
  const queues = serviceQueues(service);
  return durableQueueOptions({
    'x-message-ttl': delayMs,
    'x-dead-letter-exchange': REQUEUE_EXCHANGE,
    'x-dead-letter-routing-key': queues.events,
  });
}

/** Parked messages wait here for an operator. */
export const DEAD_LETTER_QUEUE_OPTIONS: Options.AssertQueue = durableQueueOptions();

/** RPC queues are durable quorum queues; each request expires (per-message TTL) when its caller stops waiting. */
export const RPC_QUEUE_OPTIONS: Options.AssertQueue = durableQueueOptions();
