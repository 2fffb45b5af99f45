import type { OrderStatus } from '@bookstore/shared/contracts';
import { DomainError } from '@bookstore/shared/contracts';

/** The stable codes of the orders' domain errors; clients match on these, never on messages. */
export const ORDER_ERRORS = {
  /** 404: no such order, or one the caller may not see. */
  notFound: 'ORDER.NOT_FOUND',
  /** 409: the order's status does not allow a cancel. */
  notCancellable: 'ORDER.NOT_CANCELLABLE',
  /** 409: the state machine (or the admin's manual statuses) forbids the move. */
  invalidTransition: 'ORDER.INVALID_TRANSITION',
  /** 400: a line names a book the catalog does not know. */
  unknownBook: 'ORDER.UNKNOWN_BOOK',
  /** 422: the caller's Idempotency-Key was first used with another body. */
  idempotencyKeyReused: 'ORDER.IDEMPOTENCY_KEY_REUSED',
} as const;

export function orderNotFound(): DomainError {
  return DomainError.notFound(ORDER_ERRORS.notFound, 'Order not found');
}

export function orderNotCancellable(status: OrderStatus): DomainError {
  return DomainError.conflict(ORDER_ERRORS.notCancellable, `An order that is ${status} cannot be cancelled`, {
    status,
  });
}

export function invalidOrderTransition(from: OrderStatus, to: OrderStatus, message?: string): DomainError {
  return DomainError.conflict(
    ORDER_ERRORS.invalidTransition,
    message ?? `An order cannot move from ${from} to ${to}`,
    { from, to },
  );
}

export function unknownBooks(ids: readonly string[]): DomainError {
  return DomainError.validation(ORDER_ERRORS.unknownBook, `Unknown book id(s): ${ids.join(', ')}`);
}

export function idempotencyKeyReused(): DomainError {
  return DomainError.unprocessable(
    ORDER_ERRORS.idempotencyKeyReused,
    'This Idempotency-Key was used with a different request; use a new key for a new order',
  );
}
