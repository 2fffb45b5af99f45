import { AccountLinkPayload } from './account-link.payload';
import { EventDoc } from './event-doc.decorator';

export const USER_EMAIL_VERIFICATION_REQUESTED = 'user.email-verification-requested.v1' as const;

/**
 * An account needs its address proved (at registration, or asked again): e-mail a verification
 * link (SECRET token).
 */
@EventDoc({
  summary: 'An account needs its e-mail address proved.',
  description:
    'Carries the clear single-use token (SECRET): the consumer puts it into the e-mail and nowhere else.',
  producer: 'auth',
  consumers: ['notifications'],
})
export class UserEmailVerificationRequestedPayload extends AccountLinkPayload {}
