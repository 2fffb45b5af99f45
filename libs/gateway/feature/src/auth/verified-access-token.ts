import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';

/** What the gateway keeps of a verified access token besides the Actor: for revoking it. */
export interface VerifiedAccessToken {
  jti: string;
  /** The subject: whose sessions mark applies to the token. */
  userId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Issue time in milliseconds (the `iat_ms` claim, else `iat` × 1000), compared with the mark. */
  issuedAtMs: number;
}

/** The request as AccessTokenGuard leaves it. */
export interface RequestWithAccessToken {
  accessToken?: VerifiedAccessToken;
}

/** The verified access token of the request (needs `@Authenticated()`). */
export const CurrentAccessToken = createParamDecorator(
  (_: unknown, context: ExecutionContext): VerifiedAccessToken | undefined =>
    context.switchToHttp().getRequest<RequestWithAccessToken>().accessToken,
);
