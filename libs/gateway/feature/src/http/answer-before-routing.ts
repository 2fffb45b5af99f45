import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

import type { FastifyInstance } from 'fastify';

/** Answers a request itself and returns true, or returns false and leaves it to Fastify. */
export type EarlyAnswer = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Offers every request to `answer` before Fastify routes it: Fastify's own listener on its HTTP
 * server runs only for the requests `answer` leaves. For an answer Fastify would give identically
 * at a fraction of its cost (its request and reply objects, routing, hook chain, header merging:
 * docs/BENCHMARKS.md, "Issue 15"); the server itself (timeouts, keep-alive, closing) stays Fastify's.
 * Fastify's `serverFactory` would do the same but make the gateway copy Fastify's server settings.
 */
export function answerBeforeRouting(fastify: FastifyInstance, answer: EarlyAnswer): void {
  const server = fastify.server;
  const routing = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (answer(request, response)) return;
    for (const listener of routing) listener.call(server, request, response);
  });
}
