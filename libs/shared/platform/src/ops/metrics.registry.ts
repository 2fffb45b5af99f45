import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process, with Node's default metrics and the message metrics. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const messagesHandled = new Counter({
  name: 'bookstore_messages_handled_total',
  help: 'RabbitMQ messages handled, by pattern and outcome (ack, retry, dead_letter, duplicate, expired)',
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
