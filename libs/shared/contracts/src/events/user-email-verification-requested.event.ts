import { AccountLinkPayload } from './account-link.payload';

export const USER_EMAIL_VERIFICATION_REQUESTED = 'user.email-verification-requested.v1' as const;

/**
 * An account needs its address proved (at registration, or asked again): e-mail a verification
 * link (SECRET token).
 */
export class UserEmailVerificationRequestedPayload extends AccountLinkPayload {}
