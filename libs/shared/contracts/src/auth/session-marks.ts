/**
 * Redis key of a user's sessions mark: access tokens of the user issued before the stored instant
 * (milliseconds since the epoch) are void. Auth writes it, the gateway reads it with the denylist.
 */
export function sessionsValidFromKey(userId: string): string {
  return `auth:sessions-valid-from:${userId}`;
}

/**
 * The access-token claim holding its issue time in milliseconds (`iat` has whole seconds only, too
 * coarse to tell a token signed just before a revocation from one signed just after it).
 */
export const ISSUED_AT_MS_CLAIM = 'iat_ms';
