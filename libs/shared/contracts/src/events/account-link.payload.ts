import { IsEmail, IsISO8601, IsMongoId, IsString, Length } from 'class-validator';

/**
 * What an account e-mail with a single-use link needs: whom to write to, the token and its expiry.
 *
 * SECRET: `token` is the clear single-use token (auth keeps only its SHA-256 hash). It rides only
 * in the event so that the e-mail can carry it; a consumer puts it into the e-mail and nowhere
 * else: never into a stored record, an in-app notification or a log line.
 */
export class AccountLinkPayload {
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
