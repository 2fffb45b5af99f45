/**
 * The class of a domain failure. The gateway maps each kind to one HTTP status; services never
 * speak HTTP themselves (shared/STYLE.md §9).
 */
export enum ErrorKind {
  Validation = 'validation',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  /** Well-formed but not acceptable as it stands, e.g. an Idempotency-Key reused with another body. */
  Unprocessable = 'unprocessable',
  TooManyRequests = 'too_many_requests',
  Unavailable = 'unavailable',
  Internal = 'internal',
}
