import { DomainError } from '@bookstore/shared/contracts';

/** The notifications service's stable error codes. */
export const NOTIFICATIONS_ERRORS = {
  NOT_FOUND: 'NOTIFICATION.NOT_FOUND',
  UNAUTHORIZED: 'AUTH.UNAUTHORIZED',
} as const;

/** 404: no such notification of the caller's (someone else's, or a malformed id, alike). */
export const notificationNotFound = () =>
  DomainError.notFound(NOTIFICATIONS_ERRORS.NOT_FOUND, 'Notification not found');

/** 401: no verified caller. */
export const unauthorized = () =>
  DomainError.unauthorized(NOTIFICATIONS_ERRORS.UNAUTHORIZED, 'Authentication required');
