import { DomainError } from '@bookstore/shared/contracts';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

/**
 * PLACEHOLDER until the identity work lands: verifies the bearer access token locally (public keys
 * from JWKS, denylist in Redis) and sets `request.user` to the Actor. Rejects everything for now.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  canActivate(_context: ExecutionContext): boolean {
    throw DomainError.unauthorized('AUTH.UNAUTHORIZED', 'Authentication required');
  }
}
