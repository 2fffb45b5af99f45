import { randomUUID } from 'node:crypto';

import { RequestContext } from '@bookstore/shared/platform';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

export type RequestWithCorrelationId = FastifyRequest & { correlationId?: string };

/**
 * `onRequest` hook, first of all: echoes the client's `x-correlation-id` when it is a sane token
 * (else makes one) and sets it on the response, also for requests no route answers.
 */
export function correlationIdHook(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const offered = request.headers[CORRELATION_HEADER];
  const correlationId = typeof offered === 'string' && ACCEPTABLE.test(offered) ? offered : randomUUID();
  (request as RequestWithCorrelationId).correlationId = correlationId;
  void reply.header(CORRELATION_HEADER, correlationId);
  done();
}

/**
 * Runs the route handler in the request's context, so its logs and outgoing messages carry the
 * correlation id. (An interceptor, not the hook: the body is parsed between the two, on stream
 * events that would not carry an AsyncLocalStorage context set in the hook.)
 */
@Injectable()
export class CorrelationContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const correlationId = context.switchToHttp().getRequest<RequestWithCorrelationId>().correlationId;
    if (!correlationId) return next.handle();
    return new Observable((subscriber) =>
      RequestContext.run({ correlationId }, () => next.handle().subscribe(subscriber)),
    );
  }
}
