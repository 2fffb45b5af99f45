import { IsInt, IsString, Min } from 'class-validator';

/**
 * What every verifier of access tokens needs, the gateway and each service alike (README lists
 * every variable and its default). Issuer and audience must match the auth service's.
 */
export class TokenVerificationConfig {
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
}
