import { httpRequests } from '@bookstore/shared/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

type Observer = ReturnType<typeof httpRequests.labels>;

/**
 * The histogram's children per method, route and status, bound once: labelling each observation
 * anew hashed the label object on every request (5 % of the gateway's CPU in the hot-read profile).
 * Routes are templates and statuses a few dozen, so the map stays small.
 */
const observers = new Map<string, Observer>();

/**
 * `onResponse` hook: each request's duration by route template (not the raw path, to keep label
 * cardinality low), also for 404s and body errors that never reach a controller.
 */
export function httpMetricsHook(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const route = request.routeOptions.url ?? 'unmatched';
  const key = `${request.method} ${reply.statusCode} ${route}`;
  let observer = observers.get(key);
  if (!observer) {
    observer = httpRequests.labels({ method: request.method, route, status: String(reply.statusCode) });
    observers.set(key, observer);
  }
  observer.observe(reply.elapsedTime / 1000);
  done();
}
