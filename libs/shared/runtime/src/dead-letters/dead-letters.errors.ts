import { DomainError, ErrorKind } from '@bookstore/shared/contracts';

/** Codes of the dead-letter requests (the gateway maps kinds to HTTP statuses). */
export const DEAD_LETTER_ERRORS = {
  notFound: 'DEAD_LETTER.NOT_FOUND',
  adminOnly: 'DEAD_LETTER.ADMIN_ONLY',
} as const;

export const deadLetterNotFound = (id: string) =>
  DomainError.notFound(DEAD_LETTER_ERRORS.notFound, `No parked message ${id}`);

export const adminOnly = () =>
  new DomainError(ErrorKind.Forbidden, DEAD_LETTER_ERRORS.adminOnly, 'Only an admin may handle dead letters');
