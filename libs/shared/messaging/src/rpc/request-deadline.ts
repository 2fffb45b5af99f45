import type { ConsumeMessage } from 'amqplib';

/** The header of a request message holding its deadline, in epoch ms of the caller's clock. */
export const DEADLINE_HEADER = 'x-deadline';

/**
 * The deadline a service enforces for a request it received: the earlier of
 * - the caller's absolute deadline (`x-deadline`, epoch ms), and
 * - the time it received the message plus the caller's whole budget (the message's AMQP
 *   `expiration`, the caller's timeout in ms).
 *
 * Clock skew: an absolute deadline assumes the hosts' clocks agree (NTP keeps them within
 * milliseconds, far below any timeout here). The second bound limits the damage when they do not:
 * a service whose clock lags the caller's never starts a request later than one full budget after
 * it got it, and the queue wait is bounded by the broker's own clock (the expiration drops a
 * request that waited longer). A service whose clock runs ahead refuses early; a caller still
 * waiting then gets `REQUEST.DEADLINE_EXCEEDED`, a clear error rather than its own timeout.
 * Undefined for a message with neither (an event, or a request from an older client).
 */
export function requestDeadline(message: ConsumeMessage, receivedAt = Date.now()): number | undefined {
  const bounds = [
    Number(message.properties.headers?.[DEADLINE_HEADER]),
    receivedAt + Number(message.properties.expiration),
  ].filter((bound) => Number.isFinite(bound) && bound > 0);
  return bounds.length ? Math.min(...bounds) : undefined;
}
