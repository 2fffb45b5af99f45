import { InfraConfig } from '@bookstore/shared/platform';
import { IsEmail, IsInt, IsString, Length, Max, Min } from 'class-validator';

/** The auth service's environment (README lists every variable and its default). */
export class AuthConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  AUTH_OPS_PORT = 9101;

  @IsString()
  AUTH_MONGO_DB = 'bookstore_auth';

  /** The administrator seeded (idempotently) at start. Development defaults; production sets both. */
  @IsEmail()
  ADMIN_EMAIL = 'admin@bookstore.local';

  @IsString()
  @Length(8, 128)
  ADMIN_PASSWORD = 'ChangeMe123!';

  /** Directory of PEM (PKCS#8) RSA private keys; the newest signs. Generated on first start if empty. */
  @IsString()
  JWT_KEYS_DIR = '.infra/keys';

  /** An older key keeps verifying this long after its successor took over (≥ access-token lifetime). */
  @IsInt()
  @Min(60)
  JWT_KEY_RETIRE_AFTER_SECONDS = 86_400;

  @IsString()
  JWT_ISSUER = 'bookstore-auth';

  @IsString()
  JWT_AUDIENCE = 'bookstore-api';

  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @IsInt()
  @Min(300)
  REFRESH_TOKEN_TTL_SECONDS = 604_800;

  /** How long a password-reset link works (single use). */
  @IsInt()
  @Min(300)
  @Max(86_400)
  PASSWORD_RESET_TTL_SECONDS = 1800;

  /** How long an e-mail verification link works (single use). */
  @IsInt()
  @Min(3600)
  @Max(604_800)
  EMAIL_VERIFICATION_TTL_SECONDS = 86_400;

  /**
   * At most one reset (or verification) e-mail per account in this window: repeated requests
   * within it send nothing new and keep the earlier link valid (no mailbox flooding).
   */
  @IsInt()
  @Min(0)
  @Max(3600)
  ACCOUNT_EMAIL_INTERVAL_SECONDS = 60;
}
