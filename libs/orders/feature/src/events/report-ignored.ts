import type { Logger } from '@nestjs/common';

import type { TransitionOutcome } from '../persistence/order.record';

/**
 * Logs a saga reply that changed nothing. It is not an error, so the event is acked, not retried:
 * a redelivered or duplicated reply finds its move already made, and a reply for an unknown order
 * can never succeed.
 */
export function reportIgnored(
  logger: Logger,
  event: string,
  orderId: string,
  outcome: TransitionOutcome,
): void {
  if (outcome.kind === 'missing') {
    logger.warn({ msg: `${event} for an unknown order; ignored`, orderId });
  } else if (outcome.kind === 'skipped') {
    logger.log({ msg: `${event} does not apply to a ${outcome.order.status} order; ignored`, orderId });
  }
}
