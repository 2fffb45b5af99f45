import { ErrorKind } from './error-kind';

/**
 * A failure the domain expects and a client may cause, with a stable `code`
 * such as `ORDER.NOT_CANCELLABLE`. Thrown by domain code, mapped to HTTP only at the gateway.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(code: string, message: string): DomainError {
    return new DomainError(ErrorKind.NotFound, code, message);
  }

  static conflict(code: string, message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(ErrorKind.Conflict, code, message, details);
  }

  static unprocessable(code: string, message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(ErrorKind.Unprocessable, code, message, details);
  }

  static validation(code: string, message: string | string[]): DomainError {
    const text = Array.isArray(message) ? message.join('; ') : message;
    return new DomainError(
      ErrorKind.Validation,
      code,
      text,
      Array.isArray(message) ? { messages: message } : undefined,
    );
  }

  static unauthorized(code: string, message: string): DomainError {
    return new DomainError(ErrorKind.Unauthorized, code, message);
  }

  static forbidden(code: string, message: string): DomainError {
    return new DomainError(ErrorKind.Forbidden, code, message);
  }
}
