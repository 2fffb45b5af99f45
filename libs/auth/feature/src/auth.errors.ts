import { DomainError } from '@bookstore/shared/contracts';

/** The auth service's stable error codes (AUTH.REFRESH_INVALID is thrown by the domain). */
export const AUTH_ERRORS = {
  EMAIL_TAKEN: 'AUTH.EMAIL_TAKEN',
  INVALID_CREDENTIALS: 'AUTH.INVALID_CREDENTIALS',
  REFRESH_INVALID: 'AUTH.REFRESH_INVALID',
  USER_NOT_FOUND: 'AUTH.USER_NOT_FOUND',
  UNAUTHORIZED: 'AUTH.UNAUTHORIZED',
  FORBIDDEN: 'AUTH.FORBIDDEN',
  RESET_TOKEN_INVALID: 'AUTH.RESET_TOKEN_INVALID',
  VERIFICATION_TOKEN_INVALID: 'AUTH.VERIFICATION_TOKEN_INVALID',
} as const;

/** 409: an account with this e-mail already exists (the unique index on `email` refused it). */
export const emailTaken = () =>
  DomainError.conflict(AUTH_ERRORS.EMAIL_TAKEN, 'An account with this email already exists');

/** 401: one and the same answer whether the e-mail is unknown or the password wrong. */
export const invalidCredentials = () =>
  DomainError.unauthorized(AUTH_ERRORS.INVALID_CREDENTIALS, 'Invalid email or password');

/** 401: the refresh token is unknown, spent, revoked, expired, or its user is gone. */
export const refreshInvalid = () =>
  DomainError.unauthorized(AUTH_ERRORS.REFRESH_INVALID, 'Invalid or expired refresh token');

export const userNotFound = () => DomainError.notFound(AUTH_ERRORS.USER_NOT_FOUND, 'User not found');

/** 401: no verified caller where one is required. */
export const unauthorized = () =>
  DomainError.unauthorized(AUTH_ERRORS.UNAUTHORIZED, 'Authentication required');

export const forbidden = () =>
  DomainError.forbidden(AUTH_ERRORS.FORBIDDEN, 'You do not have the role this action requires');

/** 400: the reset token is unknown, spent, replaced by a newer one, or expired. */
export const resetTokenInvalid = () =>
  DomainError.validation(AUTH_ERRORS.RESET_TOKEN_INVALID, 'Invalid or expired password reset token');

/** 400: the verification token is unknown, spent, replaced by a newer one, or expired. */
export const verificationTokenInvalid = () =>
  DomainError.validation(
    AUTH_ERRORS.VERIFICATION_TOKEN_INVALID,
    'Invalid or expired e-mail verification token',
  );
