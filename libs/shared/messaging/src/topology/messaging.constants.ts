/** The topic exchange every domain event is published to, routing key = event type. */
export const EVENTS_EXCHANGE = 'bookstore.events';

/**
 * The topic exchange every request goes through, routing key = the pattern (`catalog.books.stock`),
 * each service's RPC queue bound with `<service>.#`. Not the default exchange: the broker checks a
 * publish there as a write on `amq.default` whatever the queue, so only a named exchange lets topic
 * permissions say which caller may send which requests (README, "Broker users").
 */
export const RPC_EXCHANGE = 'bookstore.rpc';

/**
 * The direct exchange every reply goes through, routing key = the asker's reply queue (an exclusive,
 * server-named queue bound with its own name). Not direct reply-to: RabbitMQ checks a reply there as
 * a write on `amq.default`, and write on the default exchange lets a user send to ANY queue by name
 * (README, "Broker users"). A reply reaches only the queue of the client that asked.
 */
export const REPLIES_EXCHANGE = 'bookstore.replies';

/**
 * The topic exchange through which a service hands a message to one of ITS OWN queues: a failed
 * event to a retry tier or the dead-letter queue, a replayed one back to its events queue. Each of
 * those queues is bound with its own name as routing key (`requeueBindings`), and topic permissions
 * let a service use only routing keys of its own queues (`<service>.`), which the default exchange
 * (sendToQueue) cannot express.
 */
export const REQUEUE_EXCHANGE = 'bookstore.dlx';

/**
 * The TTL of the single retry queue of earlier releases (`<service>.events.retry`), still declared
 * as the events queue's dead-letter target; failed events now go through the retry tiers.
 */
export const DEFAULT_RETRY_DELAY_MS = 1000;

/** Unacknowledged messages one consumer holds at once. */
export const DEFAULT_PREFETCH = 32;
