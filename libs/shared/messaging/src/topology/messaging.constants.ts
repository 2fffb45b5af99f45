/** The topic exchange every domain event is published to, routing key = event type. */
export const EVENTS_EXCHANGE = 'bookstore.events';

/**
 * The topic exchange every request goes through, routing key = the pattern (`catalog.books.stock`),
 * each service's RPC queue bound with `<service>.#`. Not the default exchange: the broker checks a
 * publish there as a write on `amq.default` whatever the queue, so only a named exchange lets topic
 * permissions say which caller may send which requests (README, "Broker users").
 */
export const RPC_EXCHANGE = 'bookstore.rpc';

/** Deliveries of one event before it is parked in the dead-letter queue. */
export const DEFAULT_MAX_ATTEMPTS = 4;

/** Wait before a failed event is delivered again (the TTL of the retry queue). */
export const DEFAULT_RETRY_DELAY_MS = 1000;

/** Unacknowledged messages one consumer holds at once. */
export const DEFAULT_PREFETCH = 32;
