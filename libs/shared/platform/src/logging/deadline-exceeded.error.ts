import { DomainError, ErrorKind } from '@bookstore/shared/contracts';

/** The stable code of a request refused because its caller stopped waiting for it. */
export const DEADLINE_EXCEEDED = 'REQUEST.DEADLINE_EXCEEDED';

/**
 * A request whose deadline passed before it took effect: nothing was done, and the caller, which
 * has given up on it, may safely retry.
 */
export function deadlineExceeded(deadline: number, now = Date.now()): DomainError {
  return new DomainError(
    ErrorKind.Unavailable,
    DEADLINE_EXCEEDED,
    `the request's deadline passed ${now - deadline} ms ago; nothing was done`,
    { deadline: new Date(deadline).toISOString() },
  );
}

/** True for the error `deadlineExceeded` makes, or its copy in an RPC error reply. */
export function isDeadlineExceeded(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DEADLINE_EXCEEDED;
}
