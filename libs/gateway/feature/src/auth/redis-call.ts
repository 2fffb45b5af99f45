import { DomainError, ErrorKind } from '@bookstore/shared/contracts';

/**
 * Runs a Redis command for the auth routes. Security state (denylist, throttles) fails closed: when
 * Redis cannot answer the request gets 503, never a pass.
 */
export async function redisCall<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch {
    throw new DomainError(ErrorKind.Unavailable, 'AUTH.STATE_UNAVAILABLE', 'Authentication is unavailable');
  }
}
