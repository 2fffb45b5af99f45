import { httpRequests } from '@bookstore/shared/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The histogram's child of one method, route and status: `observe(seconds)`. */
export type HttpRequestObserver = ReturnType<typeof httpRequests.labels>;

/**
 * The histogram's children per method, route and status, bound once: labelling each observation
 * anew hashed the label object on every request (5 % of the gateway's CPU in the hot-read profile).
 * Routes are templates and statuses a few dozen, so the map stays small.
 */
const observers = new Map<string, HttpRequestObserver>();

/**
 * `onResponse` hook: each request's duration by route template (not the raw path, to keep label
 * cardinality low), also for 404s and body errors that never reach a controller.
 */
export function httpMetricsHook(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  httpRequestObserver(request.method, request.routeOptions.url, reply.statusCode).observe(
    reply.elapsedTime / 1000,
  );
  done();
}

/**
 * Where a request of `method` on the route template `route` (undefined: no route matched) that
 * ended with `status` is counted: the hook above and answers given before Fastify routes a request
 * observe through it, so both land in the same series.
 */
export function httpRequestObserver(
  method: string,
  route: string | undefined,
  status: number,
): HttpRequestObserver {
  const template = route ?? 'unmatched';
  const key = `${method} ${status} ${template}`;
  let observer = observers.get(key);
  if (!observer) {
    observer = httpRequests.labels({ method, route: template, status: String(status) });
    observers.set(key, observer);
  }
  return observer;
}
