import { AccountLinkPayload } from './account-link.payload';
import { EventDoc } from './event-doc.decorator';

export const USER_PASSWORD_RESET_REQUESTED = 'user.password-reset-requested.v1' as const;

@EventDoc({
  summary: 'Someone asked to reset the password of an existing account.',
  description:
    'Carries the clear single-use token (SECRET): the consumer puts it into the e-mail and nowhere else.',
  producer: 'auth',
  consumers: ['notifications'],
})
export class UserPasswordResetRequestedPayload extends AccountLinkPayload {}
