import { DomainError, ErrorKind } from '@bookstore/shared/contracts';

/** 429; HttpErrorFilter turns `retryAfterSeconds` into the Retry-After header. */
export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      ErrorKind.TooManyRequests,
      'AUTH.TOO_MANY_ATTEMPTS',
      'Too many failed login attempts; try again later',
      { retryAfterSeconds },
    );
  }
}
