/** Who takes part in an event: the four services and the gateway (its caches and SSE streams). */
export type EventParty = 'auth' | 'catalog' | 'orders' | 'notifications' | 'gateway';

/** What the AsyncAPI document says about an event, and who publishes and consumes it. */
export interface EventDocOptions {
  /** One line: what happened. */
  readonly summary: string;
  /** Optional detail: what consumers do with it, what they must not do. */
  readonly description?: string;
  /** The one service that publishes it. */
  readonly producer: EventParty;
  /**
   * Who subscribes. The services' durable queues are bound to exactly these (eventsConsumedBy),
   * so the document cannot drift from the bindings.
   */
  readonly consumers: readonly EventParty[];
}

// Keyed by the class itself, not inherited: a payload that extends another must say what it is.
const eventDocs = new Map<abstract new (...args: never[]) => object, EventDocOptions>();

/**
 * Documents an event payload class. Every class of EVENT_PAYLOADS carries it: the AsyncAPI
 * generator refuses a class without it, and each service's subscriptions are read from it.
 */
export function EventDoc(options: EventDocOptions): ClassDecorator {
  return (target) => {
    eventDocs.set(target as unknown as abstract new (...args: never[]) => object, options);
  };
}

/** The documentation of an event payload class, or undefined when the class has none of its own. */
export function eventDocOf(
  payloadClass: abstract new (...args: never[]) => object,
): EventDocOptions | undefined {
  return eventDocs.get(payloadClass);
}
