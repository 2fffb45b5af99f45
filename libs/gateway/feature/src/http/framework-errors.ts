import { STATUS_CODES } from 'node:http';

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import type { RequestWithCorrelationId } from './correlation-id';
import { correlationIdHook } from './correlation-id';
import { REQUEST_ERRORS } from './request-edge.errors';
import { securityHeadersHook } from './security-headers';

const noop = (): void => undefined;

/**
 * Fastify's `frameworkErrors`: what its router refuses before any hook runs, answered in the shared
 * error shape with a correlation id and the security headers, instead of Fastify's own body. A path
 * that does not decode (`/books/%FF`) is a 400; a path parameter longer than the router's
 * `maxParamLength` can be no id of ours, so it is a 404 like any malformed id (shared/API.md).
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  correlationIdHook(request, reply, noop);
  securityHeadersHook(request, reply, noop);
  const [statusCode, code, message] = describe(error);
  void reply
    .status(statusCode)
    .type('application/json; charset=utf-8')
    .send({
      statusCode,
      error: STATUS_CODES[statusCode],
      message,
      correlationId: (request as RequestWithCorrelationId).correlationId,
      ...(code ? { code } : {}),
    });
}

function describe(error: FastifyError): [number, string | undefined, string] {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return [400, REQUEST_ERRORS.invalidUrl, 'The path is not a valid percent-encoded UTF-8 URL'];
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return [404, REQUEST_ERRORS.pathParamTooLong, 'Not found: a path parameter is too long to be an id'];
    default:
      return [500, undefined, 'Something went wrong on our side'];
  }
}
