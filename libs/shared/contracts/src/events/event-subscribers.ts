import type { EventParty } from './event-doc.decorator';
import { eventDocOf } from './event-doc.decorator';
import type { EventType } from './event-payloads';
import { EVENT_PAYLOADS } from './event-payloads';

/**
 * The events a party consumes, read from each payload class's EventDoc: a service binds its events
 * queue to exactly these, so the AsyncAPI document and the broker's bindings are one list.
 */
export function eventsConsumedBy(party: EventParty): EventType[] {
  return (Object.keys(EVENT_PAYLOADS) as EventType[]).filter((type) =>
    eventDocOf(EVENT_PAYLOADS[type])?.consumers.includes(party),
  );
}
