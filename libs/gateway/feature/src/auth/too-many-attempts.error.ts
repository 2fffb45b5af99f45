import { DomainError, ErrorKind } from '@bookstore/shared/contracts';

/**
 * 429; HttpErrorFilter turns `retryAfterSeconds` into the Retry-After header. Login back-off and
 * the per-client limits (`@ClientRateLimit`) throw it, each with its own code.
 */
export class TooManyAttemptsError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(
    retryAfterSeconds: number,
    code = 'AUTH.TOO_MANY_ATTEMPTS',
    message = 'Too many failed login attempts; try again later',
  ) {
    // Retry-After is whole seconds, and 0 would invite an immediate retry.
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(ErrorKind.TooManyRequests, code, message, { retryAfterSeconds: seconds });
    this.retryAfterSeconds = seconds;
  }
}
