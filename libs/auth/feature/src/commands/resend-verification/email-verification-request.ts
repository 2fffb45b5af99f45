import { issueAccountToken } from '@bookstore/auth/domain';
import type { EventEnvelope } from '@bookstore/shared/contracts';
import { USER_EMAIL_VERIFICATION_REQUESTED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';

import type { AuthConfig } from '../../config/auth.config';
import type { AccountToken } from '../../persistence/account-token.schema';

/** What asking an address to be verified stores (the token's hash) and publishes (the e-mail). */
export interface EmailVerificationRequest {
  stored: AccountToken;
  event: EventEnvelope;
}

/**
 * A fresh verification token for `userId` at `email`: its hash for the account, the clear token
 * only in the event that e-mails it. Used at registration and when the user asks again.
 */
export function emailVerificationRequest(
  userId: string,
  email: string,
  config: AuthConfig,
  now: Date = new Date(),
): EmailVerificationRequest {
  const { token, ...stored } = issueAccountToken(config.EMAIL_VERIFICATION_TTL_SECONDS * 1000, now);
  const event = createEnvelope(USER_EMAIL_VERIFICATION_REQUESTED, {
    userId,
    email,
    token,
    expiresAt: stored.expiresAt.toISOString(),
  });
  return { stored, event };
}
