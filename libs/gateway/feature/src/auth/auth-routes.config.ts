import { IsInt, IsString, Max, Min } from 'class-validator';

/**
 * The gateway's identity settings, loaded with `loadConfig` by AuthRoutesModule (README lists every
 * variable and its default). Issuer and audience must match the auth service's.
 */
export class AuthRoutesConfig {
  @IsString()
  JWT_ISSUER = 'bookstore-auth';

  @IsString()
  JWT_AUDIENCE = 'bookstore-api';

  /** How often the public keys are fetched again from auth (also on an unknown `kid`). */
  @IsInt()
  @Min(10)
  JWKS_REFRESH_INTERVAL_SECONDS = 300;

  /** At most one JWKS fetch per this many seconds caused by unknown `kid`s (forged tokens are cheap). */
  @IsInt()
  @Min(1)
  JWKS_MIN_REFETCH_SECONDS = 5;

  /** Failed logins allowed per account (normalised e-mail) within the window before 429. */
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  /** Failed logins allowed per client address within the window before 429. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LOGIN_MAX_FAILURES_PER_IP = 100;

  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;
}
