/** The topic exchange every domain event is published to, routing key = event type. */
export const EVENTS_EXCHANGE = 'bookstore.events';

/** Deliveries of one event before it is parked in the dead-letter queue. */
export const DEFAULT_MAX_ATTEMPTS = 4;

/** Wait before a failed event is delivered again (the TTL of the retry queue). */
export const DEFAULT_RETRY_DELAY_MS = 1000;

/** Unacknowledged messages one consumer holds at once. */
export const DEFAULT_PREFETCH = 32;
