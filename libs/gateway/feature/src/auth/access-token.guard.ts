import type { Actor } from '@bookstore/shared/contracts';
import { DomainError } from '@bookstore/shared/contracts';
import { RequestContext } from '@bookstore/shared/platform';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import { AccessTokenVerifier } from './access-token.verifier';
import type { RequestWithAccessToken } from './verified-access-token';

type AuthenticatedRequest = RequestWithAccessToken & {
  headers: Record<string, string | string[] | undefined>;
  user?: Actor;
};

/**
 * Verifies the bearer access token locally (AccessTokenVerifier: public keys from the JWKS cache,
 * revocation in Redis) and sets `request.user` to the Actor; the raw token joins the request's
 * context so the services receive it with the user's calls. Any failure is one 401 in the shared
 * shape; routes without the guard (anonymous) pay nothing.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerOf(request.headers['authorization']);
    const caller = token ? await this.verifier.verify(token) : null;
    if (!token || !caller) {
      throw DomainError.unauthorized(
        'AUTH.UNAUTHORIZED',
        'Missing, invalid, expired or revoked access token',
      );
    }
    request.user = caller.actor;
    request.accessToken = caller.token;
    // Forwarded by RpcClient with the calls made for this user: each service verifies it again.
    RequestContext.attachAccessToken(token);
    return true;
  }
}

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive, RFC 6750). */
function bearerOf(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  return match?.[1];
}
