import type { Actor } from '@bookstore/shared/contracts';

/** What a verified access token says besides the Actor: what the gateway needs to revoke it. */
export interface VerifiedAccessToken {
  jti: string;
  /** The subject: whose sessions mark applies to the token. */
  userId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Issue time in milliseconds (the `iat_ms` claim, else `iat` × 1000), compared with the mark. */
  issuedAtMs: number;
}

/** A caller proven by an access token. */
export interface VerifiedCaller {
  actor: Actor;
  token: VerifiedAccessToken;
}
