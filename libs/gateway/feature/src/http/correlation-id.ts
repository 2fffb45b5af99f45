import { randomUUID } from 'node:crypto';

import { RequestContext } from '@bookstore/shared/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

export type RequestWithCorrelationId = FastifyRequest & { correlationId?: string };

/**
 * The request's correlation id: the client's `x-correlation-id` when it is a sane token, else a new
 * one. The one rule for the hook below and for answers given before Fastify routes a request.
 */
export function correlationIdFor(offered: string | string[] | undefined): string {
  return typeof offered === 'string' && ACCEPTABLE.test(offered) ? offered : randomUUID();
}

/**
 * `onRequest` hook, first of all: echoes the client's `x-correlation-id` when it is a sane token
 * (else makes one) and sets it on the response, also for requests no route answers.
 */
export function correlationIdHook(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const correlationId = correlationIdFor(request.headers[CORRELATION_HEADER]);
  (request as RequestWithCorrelationId).correlationId = correlationId;
  void reply.header(CORRELATION_HEADER, correlationId);
  done();
}

/**
 * `preHandler` hook, the last step before the route: runs the route (guards, pipes, handler) in the
 * request's context, so its logs and outgoing messages carry the correlation id. Fastify calls the
 * route synchronously from `done`, so everything it starts inherits the context. (Not in the
 * `onRequest` hook: the body is parsed in between, on stream events that would lose it. Not an
 * interceptor: any interceptor makes Nest bind an AsyncResource per request, which cost ~10 % of
 * the gateway's CPU in the hot-read profile.)
 */
export function correlationContextHook(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: () => void,
): void {
  const correlationId = (request as RequestWithCorrelationId).correlationId;
  if (!correlationId) {
    done();
    return;
  }
  RequestContext.run({ correlationId }, done);
}
