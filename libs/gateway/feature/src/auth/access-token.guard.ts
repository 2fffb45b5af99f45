import { DomainError } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

import { JWT_STRATEGY } from './jwt.strategy';

/**
 * Verifies the bearer access token locally (JwtStrategy: public keys from the JWKS cache, denylist
 * in Redis) and sets `request.user` to the Actor. Any failure is one 401 in the shared shape.
 */
@Injectable()
export class AccessTokenGuard extends AuthGuard(JWT_STRATEGY) {
  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof DomainError) throw error;
    if (error || !user) {
      throw DomainError.unauthorized(
        'AUTH.UNAUTHORIZED',
        'Missing, invalid, expired or revoked access token',
      );
    }
    return user;
  }
}
