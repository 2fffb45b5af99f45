import { randomUUID } from 'node:crypto';

import type { EventEnvelope, EventType, PayloadOf } from '@bookstore/shared/contracts';
import { RequestContext } from '@bookstore/shared/platform';

/**
 * A new event with a fresh `eventId`. The correlation id defaults to the one of the request or
 * message being handled, so the chain of causes stays traceable.
 */
export function createEnvelope<K extends EventType>(
  type: K,
  payload: PayloadOf<K>,
  correlationId = RequestContext.correlationId() ?? randomUUID(),
): EventEnvelope<PayloadOf<K>> {
  return {
    eventId: randomUUID(),
    type,
    occurredAt: new Date().toISOString(),
    correlationId,
    payload: { ...payload },
  };
}
