import type { VerifiedAccessToken } from '@bookstore/shared/security';
import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';

/** What the gateway keeps of a verified access token besides the Actor: for revoking it. */
export type { VerifiedAccessToken } from '@bookstore/shared/security';

/** The request as AccessTokenGuard leaves it. */
export interface RequestWithAccessToken {
  accessToken?: VerifiedAccessToken;
}

/** The verified access token of the request (needs `@Authenticated()`). */
export const CurrentAccessToken = createParamDecorator(
  (_: unknown, context: ExecutionContext): VerifiedAccessToken | undefined =>
    context.switchToHttp().getRequest<RequestWithAccessToken>().accessToken,
);
