import { IsEmail, IsISO8601, IsMongoId, IsString, Length } from 'class-validator';

export const USER_EMAIL_VERIFICATION_REQUESTED = 'user.email-verification-requested.v1' as const;

/**
 * An account needs its address proved (at registration, or asked again): e-mail a verification link.
 *
 * SECRET: `token` is the clear single-use verification token (auth keeps only its SHA-256 hash).
 * A consumer puts it into the e-mail and nowhere else: never into a stored record, an in-app
 * notification or a log line.
 */
export class UserEmailVerificationRequestedPayload {
  @IsMongoId()
  userId!: string;

  @IsEmail()
  email!: string;

  /** Secret: see the class comment. */
  @IsString()
  @Length(32, 256)
  token!: string;

  /** When the token stops working. */
  @IsISO8601()
  expiresAt!: string;
}
