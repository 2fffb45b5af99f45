/** Stable error codes of the catalog (clients and tests match on them, never on messages). */
export const CATALOG_ERRORS = {
  bookNotFound: 'CATALOG.BOOK_NOT_FOUND',
  duplicateIsbn: 'CATALOG.DUPLICATE_ISBN',
  invalidIsbn: 'CATALOG.INVALID_ISBN',
  invalidPriceRange: 'CATALOG.INVALID_PRICE_RANGE',
  insufficientStock: 'CATALOG.INSUFFICIENT_STOCK',
  concurrentUpdate: 'CATALOG.CONCURRENT_UPDATE',
  /** 422: the admin's Idempotency-Key was first used with another stock adjustment. */
  idempotencyKeyReused: 'CATALOG.IDEMPOTENCY_KEY_REUSED',
} as const;
