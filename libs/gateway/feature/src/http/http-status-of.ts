import type { DomainError } from '@bookstore/shared/contracts';
import { ErrorKind } from '@bookstore/shared/contracts';
import { DEADLINE_EXCEEDED } from '@bookstore/shared/platform';
import { HttpStatus } from '@nestjs/common';

const STATUS_BY_KIND: Record<ErrorKind, HttpStatus> = {
  [ErrorKind.Validation]: HttpStatus.BAD_REQUEST,
  [ErrorKind.Unauthorized]: HttpStatus.UNAUTHORIZED,
  [ErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorKind.Conflict]: HttpStatus.CONFLICT,
  [ErrorKind.Unprocessable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorKind.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorKind.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorKind.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** The one mapping from domain failures to HTTP (shared/STYLE.md §9). */
export function httpStatusOf(error: DomainError): HttpStatus {
  // A service that refused a request past its deadline answered for the same reason as a timeout.
  if (error.code === 'UPSTREAM.TIMEOUT' || error.code === DEADLINE_EXCEEDED)
    return HttpStatus.GATEWAY_TIMEOUT;
  return STATUS_BY_KIND[error.kind] ?? HttpStatus.INTERNAL_SERVER_ERROR;
}
