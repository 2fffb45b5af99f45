import type { Channel, ConfirmChannel, ConsumeMessage } from 'amqplib';

import { REQUEUE_EXCHANGE } from '../topology/messaging.constants';

/** The header counting the attempts of an event that failed (set when it goes to a retry tier). */
export const ATTEMPTS_HEADER = 'x-attempts';

/** The header counting retries of an event because a dependency was unavailable (no attempt spent). */
export const OUTAGES_HEADER = 'x-outage-retries';

/**
 * How many attempts of this event failed so far: the count its last retry carried, or, for a
 * message the broker itself dead-lettered back (the single retry queue of earlier releases), its
 * x-death count. A replayed message carries neither and starts again.
 */
export function failedAttempts(message: ConsumeMessage, eventsQueue: string): number {
  const counted = Number(message.properties.headers?.[ATTEMPTS_HEADER]);
  return Number.isInteger(counted) && counted >= 0 ? counted : previousFailures(message, eventsQueue);
}

/** How many times this event already waited out an outage (see OUTAGES_HEADER). */
export function outages(message: ConsumeMessage): number {
  const counted = Number(message.properties.headers?.[OUTAGES_HEADER]);
  return Number.isInteger(counted) && counted >= 0 ? counted : 0;
}

/** How many times RabbitMQ has already dead-lettered this message out of `queue` (x-death). */
export function previousFailures(message: ConsumeMessage, queue: string): number {
  const deaths = message.properties.headers?.['x-death'] as
    { queue?: string; reason?: string; count?: number }[] | undefined;
  const entry = deaths?.find((death) => death.queue === queue && death.reason === 'rejected');
  return Number(entry?.count ?? 0);
}

/**
 * Sends to one of the service's own queues through REQUEUE_EXCHANGE (routing key = the queue's name,
 * see `bindRequeueTargets`; not the default exchange, whose write permission reaches every queue),
 * and waits for the broker's confirm when the channel is a confirm channel.
 */
export function sendConfirmed(
  channel: Channel,
  queue: string,
  content: Buffer,
  options: Parameters<Channel['publish']>[3],
): Promise<void> {
  const confirm = channel as ConfirmChannel;
  if (typeof confirm.waitForConfirms !== 'function') {
    channel.publish(REQUEUE_EXCHANGE, queue, content, options);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) =>
    confirm.publish(REQUEUE_EXCHANGE, queue, content, options, (error) =>
      error ? reject(error) : resolve(),
    ),
  );
}

/** Ack, tolerating a channel that closed meanwhile (the broker then redelivers; handlers are idempotent). */
export function safely(action: () => void): void {
  try {
    action();
  } catch {
    // channel closed: nothing to do, redelivery covers it
  }
}
