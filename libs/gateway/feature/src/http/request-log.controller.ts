import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';
import type { Logger } from 'pino';

import type { RequestWithCorrelationId } from './correlation-id';

/**
 * Fastify's per-request logging for the gateway (Fastify's `logController`): one line per request
 * when it ends, at debug, with its correlation id, route template, path, status and duration, or
 * at error when Fastify saw the request fail. At the default level (info) nothing is built or
 * written per request, as before pino: the hot read pays nothing; LOG_LEVEL=debug shows every one.
 * The path goes without its query string, which may carry a token.
 */
export class RequestLogController extends LogController {
  constructor(private readonly logger: Logger) {
    super();
  }

  /** Nothing on the way in: the line at the end says all, and half as many lines. */
  override incomingRequest(): void {
    return;
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) this.logger.error({ ...this.fieldsOf(request, reply), err: error }, 'request errored');
    else if (this.logger.isLevelEnabled('debug'))
      this.logger.debug(this.fieldsOf(request, reply), 'request completed');
  }

  /** An error no handler answered (Nest's filter answers the gateway's routes): 5xx at error. */
  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500)
      this.logger.error({ ...this.fieldsOf(request, reply), err: error }, error.message);
    else if (this.logger.isLevelEnabled('debug'))
      this.logger.debug(this.fieldsOf(request, reply), error.message);
  }

  private fieldsOf(request: FastifyRequest, reply: FastifyReply): Record<string, unknown> {
    return {
      correlationId: (request as RequestWithCorrelationId).correlationId,
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      url: request.url.split('?', 1)[0],
      statusCode: reply.statusCode,
      responseTime: reply.elapsedTime,
    };
  }
}
