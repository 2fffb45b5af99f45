import { STATUS_CODES } from 'node:http';

import { DomainError } from '@bookstore/shared/contracts';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import type { RequestWithCorrelationId } from './correlation-id';
import { CORRELATION_HEADER } from './correlation-id';
import { httpStatusOf } from './http-status-of';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  correlationId: string;
  code?: string;
  [extra: string]: unknown;
}

/**
 * Every error leaves the gateway in the shape of shared/API.md, with the correlation id and no
 * stack or driver message. A 500 here is a bug of ours, logged with its stack.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const req = http.getRequest<RequestWithCorrelationId>();
    const body = this.toBody(
      exception,
      String(reply.getHeader(CORRELATION_HEADER) ?? req.correlationId ?? ''),
    );
    if (body.statusCode >= 500 && body.statusCode !== 503 && body.statusCode !== 504) {
      this.logger.error(
        {
          msg: 'request failed',
          path: req.url,
          error: exception instanceof Error ? exception.message : String(exception),
        },
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    const retryAfter = (exception as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (reply.sent || reply.raw.headersSent) return;
    if (retryAfter) void reply.header('retry-after', String(retryAfter));
    void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, correlationId: string): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = httpStatusOf(exception);
      const messages = exception.details?.['messages'];
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: Array.isArray(messages) ? (messages as string[]) : exception.message,
        correlationId,
        code: exception.code,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      if (isHealthReport(response)) {
        const failing = Object.keys(response.error ?? {});
        return {
          statusCode,
          error: STATUS_CODES[statusCode] ?? 'Error',
          message: `Not ready: ${failing.join(', ')}`,
          correlationId,
          status: response.status,
          info: response.info,
          details: response.details,
        } as ErrorBody;
      }
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? (response as { message: string | string[] }).message
          : exception.message;
      return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, correlationId };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side',
      correlationId,
    };
  }
}

interface HealthReport {
  status: string;
  info?: Record<string, unknown>;
  error?: Record<string, unknown>;
  details: Record<string, unknown>;
}

/** Terminus answers 503 with its report; we keep the report and add the shared error fields. */
function isHealthReport(response: unknown): response is HealthReport {
  return typeof response === 'object' && response !== null && 'details' in response && 'status' in response;
}
