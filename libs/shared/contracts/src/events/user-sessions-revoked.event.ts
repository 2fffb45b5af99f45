import { IsIn, IsISO8601, IsMongoId } from 'class-validator';

import { EventDoc } from './event-doc.decorator';

export const USER_SESSIONS_REVOKED = 'user.sessions-revoked.v1' as const;

/** Why every session of a user ended. */
export const SESSION_REVOCATION_REASONS = ['roles-changed', 'logout-all', 'password-reset'] as const;
export type SessionRevocationReason = (typeof SESSION_REVOCATION_REASONS)[number];

/**
 * Every session of `userId` ended at `notBefore`: refresh tokens issued up to then are revoked and
 * access tokens issued before then are void (the gateway refuses them, their streams close).
 */
@EventDoc({
  summary: 'Every session of a user ended (roles changed, log out everywhere, password reset).',
  description:
    "Auth revokes the refresh tokens it stored; the gateway refuses older access tokens and closes the user's streams.",
  producer: 'auth',
  consumers: ['auth', 'gateway'],
})
export class UserSessionsRevokedPayload {
  @IsMongoId()
  userId!: string;

  /** ISO-8601 with milliseconds; compared with the access token's millisecond issued-at claim. */
  @IsISO8601()
  notBefore!: string;

  @IsIn(SESSION_REVOCATION_REASONS)
  reason!: SessionRevocationReason;
}
