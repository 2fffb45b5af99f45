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

/** 401: a request without a verified actor (no access token, or a forged, foreign or expired one). */
export function authenticationRequired(): DomainError {
  return DomainError.unauthorized(AUTH_UNAUTHORIZED, 'Authentication required');
}

/** 403: the verified actor of an admin request (a status change) is not an admin. */
export function adminRequired(): DomainError {
  return DomainError.forbidden('AUTH.FORBIDDEN', 'You do not have the role this action requires');
}

/** The code of an order refused because the customer has not verified their e-mail address. */
export const EMAIL_NOT_VERIFIED = 'ORDER.EMAIL_NOT_VERIFIED';

/** 403: ORDERS_REQUIRE_VERIFIED_EMAIL is on and the caller's token says the address is unverified. */
export function emailNotVerified(): DomainError {
  return DomainError.forbidden(
    EMAIL_NOT_VERIFIED,
    'Verify your e-mail address before placing an order (see the link we e-mailed you, or ask for a new one)',
  );
}
