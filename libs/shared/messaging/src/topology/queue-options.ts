import type { Options } from 'amqplib';

import { serviceQueues } from './service-queues';

/**
 * Arguments of a service's events queue. A rejected message goes through the default exchange to
 * the retry queue; both sides must declare it with exactly these arguments.
 */
export function eventsQueueOptions(service: string): Options.AssertQueue {
  const queues = serviceQueues(service);
  return {
    durable: true,
    arguments: {
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': queues.retry,
    },
  };
}

/** The retry queue holds a message for `delayMs`, then dead-letters it back to the events queue. */
export function retryQueueOptions(service: string, delayMs: number): Options.AssertQueue {
  const queues = serviceQueues(service);
  return {
    durable: true,
    arguments: {
      'x-message-ttl': delayMs,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': queues.events,
    },
  };
}

/** RPC queues are durable; each request expires when its caller stops waiting. */
export const RPC_QUEUE_OPTIONS: Options.AssertQueue = { durable: true };
