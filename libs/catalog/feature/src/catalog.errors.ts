import { CATALOG_ERRORS, normalizeIsbn } from '@bookstore/catalog/domain';
import { DomainError } from '@bookstore/shared/contracts';

/**
 * The catalog's errors. The codes stay in the domain lib (`CATALOG_ERRORS`, which clients and
 * tests match on); these are the factories the use cases throw.
 */
export { CATALOG_ERRORS };

/** 404: no live book has this id (a malformed id included). */
export function bookNotFound(id: string): DomainError {
  return DomainError.notFound(CATALOG_ERRORS.bookNotFound, `Book ${id} not found`);
}

/** 409: another live book has this ISBN. */
export function duplicateIsbn(isbn: string): DomainError {
  return DomainError.conflict(CATALOG_ERRORS.duplicateIsbn, `A book with ISBN ${isbn} already exists`);
}

/** 409: a write-off larger than what is on hand. */
export function insufficientStock(stock: number, delta: number): DomainError {
  return DomainError.conflict(
    CATALOG_ERRORS.insufficientStock,
    `Only ${stock} in stock; cannot remove ${-delta}`,
    { stock, delta },
  );
}

/** 409: the book kept changing under an admin's edit (reservations, other edits); try again. */
export function concurrentUpdate(id: string): DomainError {
  return DomainError.conflict(CATALOG_ERRORS.concurrentUpdate, `Book ${id} is changing too often; try again`);
}

/** 422: the admin's Idempotency-Key was first used with another delta. */
export function idempotencyKeyReused(): DomainError {
  return DomainError.unprocessable(
    CATALOG_ERRORS.idempotencyKeyReused,
    'This Idempotency-Key was used with a different stock adjustment; use a new key for a new one',
  );
}

/** 400: minPriceCents above maxPriceCents. */
export function invalidPriceRange(): DomainError {
  return DomainError.validation(
    CATALOG_ERRORS.invalidPriceRange,
    'minPriceCents must not be greater than maxPriceCents',
  );
}

/** The 13-digit form of a valid ISBN, or a 400 naming the problem. */
export function requireIsbn(raw: string): string {
  const isbn = normalizeIsbn(raw);
  if (!isbn) {
    throw DomainError.validation(CATALOG_ERRORS.invalidIsbn, 'isbn must be a valid ISBN-10 or ISBN-13');
  }
  return isbn;
}

/**
 * 401: an admin request without a verified actor (no access token, or one that is forged, foreign
 * or expired): the gateway never sends one, so whoever did is not to be trusted.
 */
export function authenticationRequired(): DomainError {
  return DomainError.unauthorized('AUTH.UNAUTHORIZED', 'Authentication required');
}

/** 403: the verified actor of an admin request is not an admin. */
export function adminRequired(): DomainError {
  return DomainError.forbidden('AUTH.FORBIDDEN', 'You do not have the role this action requires');
}
