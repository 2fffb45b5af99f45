import { IsInt, Max, Min } from 'class-validator';

import { TokenVerificationConfig } from './token-verification.config';

/**
 * How a service behind the gateway verifies the access token a request carries: the shared token
 * settings plus a clock leeway and the JWKS request's timeout.
 */
export class ActorVerificationConfig extends TokenVerificationConfig {
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
