import { STATUS_CODES } from 'node:http';

import { DomainError } from '@bookstore/shared/contracts';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Request, Response } from 'express';

import { CORRELATION_HEADER } from './correlation-id.middleware';
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
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & { correlationId?: string }>();
    const body = this.toBody(exception, String(res.getHeader(CORRELATION_HEADER) ?? req.correlationId ?? ''));
    if (body.statusCode >= 500 && body.statusCode !== 503 && body.statusCode !== 504) {
      this.logger.error(
        {
          msg: 'request failed',
          path: req.path,
          error: exception instanceof Error ? exception.message : String(exception),
        },
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    const retryAfter = (exception as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
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
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus) {
      const message = parserStatus === 413 ? 'Request body exceeds the 100 kB limit' : 'Malformed JSON body';
      return {
        statusCode: parserStatus,
        error: STATUS_CODES[parserStatus] ?? 'Error',
        message,
        correlationId,
      };
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

/** body-parser errors carry `type` and a 4xx `status`. */
function bodyParserStatus(exception: unknown): number | undefined {
  const candidate = exception as { type?: unknown; status?: unknown };
  if (typeof candidate?.type === 'string' && typeof candidate.status === 'number' && candidate.status < 500) {
    return candidate.status;
  }
  return undefined;
}
