import { DomainError } from '@bookstore/shared/contracts';

/**
 * Every error code the orders service answers with. The order's own codes and factories live in
 * the domain, whose state machine, pricing and visibility rules raise them (the domain cannot
 * import this lib); this file adds what only the service's edge raises.
 */
export {
  idempotencyKeyReused,
  invalidOrderTransition,
  ORDER_ERRORS,
  orderNotCancellable,
  orderNotFound,
  unknownBooks,
} from '@bookstore/orders/domain';

/** The code of a request that reached the service without a caller. */
export const AUTH_UNAUTHORIZED = 'AUTH.UNAUTHORIZED';

/** 401: the gateway forwarded a request without an actor (it should not; this is the backstop). */
export function authenticationRequired(): DomainError {
  return DomainError.unauthorized(AUTH_UNAUTHORIZED, 'Authentication required');
}
