import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

import { ScrapeTimeGauge } from './scrape-time-gauge';

/** One Prometheus registry per process, with Node's default metrics and the message metrics. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const messagesHandled = new Counter({
  name: 'bookstore_messages_handled_total',
  help:
    'RabbitMQ messages handled, by pattern and outcome: ack; for requests rejected (a domain error the ' +
    'caller caused), error (the handler failed) or expired; for events retry or dead_letter',
  labelNames: ['pattern', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const messageDuration = new Histogram({
  name: 'bookstore_message_duration_seconds',
  help: 'Time to handle a RabbitMQ message',
  labelNames: ['pattern'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const httpRequests = new Histogram({
  name: 'bookstore_http_request_duration_seconds',
  help: 'Gateway HTTP requests by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const gatewayCacheLookups = new Counter({
  name: 'bookstore_gateway_cache_lookups_total',
  help: 'Gateway read-cache lookups by cache and result (hit, miss, bypass while not invalidated live)',
  labelNames: ['cache', 'result'] as const,
  registers: [metricsRegistry],
});

/**
 * Cached reads the gateway answered before Fastify routed them (EarlyBookAnswer). They are also in
 * `bookstore_http_request_duration_seconds`, under their route; this says how many took the short
 * path (none while traces are exported or at LOG_LEVEL=debug).
 */
export const gatewayEarlyAnswers = new Counter({
  name: 'bookstore_gateway_early_answers_total',
  help: 'Cached reads the gateway answered before routing them (also counted in the request histogram)',
  registers: [metricsRegistry],
});

/** Messages waiting in each of this service's queues, read from the broker at scrape time. */
export const queueMessages = new ScrapeTimeGauge<'queue'>({
  name: 'bookstore_queue_messages',
  help: "Messages ready in each of the service's queues (RPC, events, retry tiers, dead-letter)",
  labelNames: ['queue'],
  registry: metricsRegistry,
});

/** Consumers of each of this service's queues: 0 on its RPC or events queue means nobody serves it. */
export const queueConsumers = new ScrapeTimeGauge<'queue'>({
  name: 'bookstore_queue_consumers',
  help: "Consumers of each of the service's queues",
  labelNames: ['queue'],
  registry: metricsRegistry,
});

/**
 * Events parked for an operator in this service's `dead_letters` collection, by the dead-letter
 * queue they came through. Labelled so a service that cannot count them reports no series rather
 * than a 0 (prom-client keeps a 0 for an unlabelled gauge).
 */
export const deadLetters = new ScrapeTimeGauge<'queue'>({
  name: 'bookstore_dead_letters',
  help: "Events parked in the service's dead_letters collection, waiting for an operator to replay or drop them",
  labelNames: ['queue'],
  registry: metricsRegistry,
});

/** This app's readiness at scrape time: what `/health/ready` would answer, as 1 or 0. */
export const ready = new ScrapeTimeGauge({
  name: 'bookstore_ready',
  help: 'Whether the app is ready (1) or not (0): its readiness checks at scrape time',
  registry: metricsRegistry,
});

/** Memory-reducing collections run by IdleMemoryRelease, and the main-thread pause they took. */
export const memoryReleases = new Histogram({
  name: 'bookstore_memory_release_pause_seconds',
  help: 'Memory-reducing garbage collections run while the process was idle (returns V8 pages kept after a load)',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});
