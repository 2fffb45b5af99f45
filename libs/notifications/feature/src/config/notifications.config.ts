import { InfraConfig } from '@bookstore/shared/platform';
import { IsInt, IsNotEmpty, IsString, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';

/** The notifications service's environment (README lists every variable and its default). */
export class NotificationsConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  NOTIFICATIONS_OPS_PORT = 9104;

  @IsString()
  NOTIFICATIONS_MONGO_DB = 'bookstore_notifications';

  /** SMTP server for e-mail (`smtp://user:pass@host:587`); empty writes .eml files to MAIL_DIR instead. */
  @ValidateIf((config: NotificationsConfig) => config.SMTP_URL !== '')
  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL, or empty' })
  SMTP_URL = '';

  /** Sender of every e-mail. */
  @IsString()
  @IsNotEmpty()
  MAIL_FROM = 'Bookstore <no-reply@bookstore.local>';

  /** Where e-mails go as .eml files when SMTP_URL is empty (git-ignored in development). */
  @IsString()
  @IsNotEmpty()
  MAIL_DIR = '.infra/mail';

  /** The public web app that e-mailed links open (`/reset-password`, `/verify-email`). */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  APP_URL = 'http://localhost:3000';
}
