import { InfraConfig, IsProductionPassword } from '@bookstore/shared/platform';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** The auth service's environment (README lists every variable and its default). */
export class AuthConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  AUTH_OPS_PORT = 9101;

  @IsString()
  AUTH_MONGO_DB = 'bookstore_auth';

  /**
   * The administrator created at start when no account has this e-mail (an existing non-admin
   * account stops the start; nothing is ever promoted). Development defaults; production sets both.
   */
  @IsEmail()
  ADMIN_EMAIL = 'admin@bookstore.local';

  /** Only the initial password. With NODE_ENV=production a default, placeholder or weak one stops the start. */
  @IsString()
  @Length(8, 128)
  @IsProductionPassword('ADMIN_EMAIL')
  ADMIN_PASSWORD = 'ChangeMe123!';

  /**
   * Directory of signing keys: `<name>.pem` (PKCS#8 RSA private key) with `<name>.json`
   * (`{"kid"?, "activatesAt"}`); the newest active key signs (docs/DEPLOYMENT.md, "Signing keys").
   */
  @IsString()
  JWT_KEYS_DIR = '.infra/keys';

  /**
   * Create a key in an empty JWT_KEYS_DIR (and metadata for a key that lacks it). Unset: only
   * outside production, where keys are provisioned (every replica must sign with the same keys).
   */
  @IsOptional()
  @IsBoolean()
  JWT_KEYS_GENERATE?: boolean;

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

/** Whether the key store may create keys: JWT_KEYS_GENERATE, else anywhere but production. */
export function generatesKeys(config: AuthConfig): boolean {
  return config.JWT_KEYS_GENERATE ?? config.NODE_ENV !== 'production';
}
