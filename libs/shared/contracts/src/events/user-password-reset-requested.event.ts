import { AccountLinkPayload } from './account-link.payload';

export const USER_PASSWORD_RESET_REQUESTED = 'user.password-reset-requested.v1' as const;

/** Someone asked to reset the password of an existing account: e-mail the owner a reset link (SECRET token). */
export class UserPasswordResetRequestedPayload extends AccountLinkPayload {}
