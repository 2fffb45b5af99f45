import { IsInt, IsString, Max, Min } from 'class-validator';

/**
 * How a service behind the gateway verifies the access token a request carries (README lists every
 * variable and its default). Issuer and audience must match the auth service's.
 */
export class ActorVerificationConfig {
  @IsString()
  JWT_ISSUER = 'bookstore-auth';

  @IsString()
  JWT_AUDIENCE = 'bookstore-api';

  /** How often the public keys are fetched again from auth (also on an unknown `kid`). */
  @IsInt()
  @Min(10)
  JWKS_REFRESH_INTERVAL_SECONDS = 300;

  /** At most one JWKS fetch per this many seconds caused by unknown `kid`s. */
  @IsInt()
  @Min(1)
  JWKS_MIN_REFETCH_SECONDS = 5;

  /**
   * Seconds past its expiry a token is still accepted by a service: the gateway verified it
   * without leeway a moment before, and it may have expired while the request waited in the queue
   * (or the two hosts' clocks differ a little).
   */
  @IsInt()
  @Min(0)
  @Max(300)
  ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS = 30;

  /** The JWKS request to auth gives up after this long (the next lookup or refresh tries again). */
  @IsInt()
  @Min(100)
  @Max(60_000)
  JWKS_RPC_TIMEOUT_MS = 3000;
}
