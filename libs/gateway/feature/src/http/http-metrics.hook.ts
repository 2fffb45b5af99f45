import { httpRequests } from '@bookstore/shared/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * `onResponse` hook: each request's duration by route template (not the raw path, to keep label
 * cardinality low), also for 404s and body errors that never reach a controller.
 */
export function httpMetricsHook(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  httpRequests.observe(
    {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    },
    reply.elapsedTime / 1000,
  );
  done();
}
