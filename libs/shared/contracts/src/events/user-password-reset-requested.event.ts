import { IsEmail, IsISO8601, IsMongoId, IsString, Length } from 'class-validator';

export const USER_PASSWORD_RESET_REQUESTED = 'user.password-reset-requested.v1' as const;

/**
 * Someone asked to reset the password of an existing account: e-mail the owner a reset link.
 *
 * SECRET: `token` is the clear single-use reset token (auth keeps only its SHA-256 hash). It rides
 * only in this event so that the e-mail can carry it; a consumer puts it into the e-mail and
 * nowhere else: never into a stored record, an in-app notification or a log line.
 */
export class UserPasswordResetRequestedPayload {
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
