import type { IncomingMessage } from 'node:http';

import type { Actor } from '@bookstore/shared/contracts';
import { Role } from '@bookstore/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

import type { AuthRoutesConfig } from './auth-routes.config';
import { AUTH_ROUTES_CONFIG } from './auth-routes.tokens';
import { JwksCache } from './jwks-cache';
import { TokenDenylist } from './token-denylist';
import type { RequestWithAccessToken } from './verified-access-token';

export const JWT_STRATEGY = 'jwt';

interface AccessTokenClaims {
  sub?: unknown;
  roles?: unknown;
  jti?: unknown;
  exp?: unknown;
}

const ROLES = new Set<string>(Object.values(Role));

/**
 * Verifies bearer access tokens locally: RS256 only (so `alg: none` and HMAC tricks fail), signed by
 * a key of the cached JWKS chosen by `kid`, unexpired, with our issuer and audience; then rejects a
 * revoked `jti`. The result is the Actor that routes and services trust.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(
    jwks: JwksCache,
    private readonly denylist: TokenDenylist,
    @Inject(AUTH_ROUTES_CONFIG) config: AuthRoutesConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      algorithms: ['RS256'],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ignoreExpiration: false,
      passReqToCallback: true,
      secretOrKeyProvider: (
        _req: IncomingMessage,
        rawJwt: string,
        done: (err: unknown, key?: string) => void,
      ) => {
        const kid = kidOf(rawJwt);
        if (!kid) return done(new Error('token has no kid'));
        jwks.keyFor(kid).then(
          (key) => (key ? done(null, key) : done(new Error('unknown signing key'))),
          (error: unknown) => done(error),
        );
      },
    });
  }

  async validate(
    req: IncomingMessage & RequestWithAccessToken,
    claims: AccessTokenClaims,
  ): Promise<Actor | false> {
    const { sub, roles, jti, exp } = claims;
    if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number') return false;
    if (!Array.isArray(roles) || !roles.every((role) => ROLES.has(role))) return false;
    if (await this.denylist.has(jti)) return false;
    req.accessToken = { jti, exp };
    return { userId: sub, roles: roles as Role[] };
  }
}

/** The `kid` of a compact JWS header, without trusting anything else in it. */
function kidOf(rawJwt: string): string | undefined {
  try {
    const header = JSON.parse(Buffer.from(rawJwt.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
      kid?: unknown;
    };
    return typeof header.kid === 'string' && header.kid.length <= 128 ? header.kid : undefined;
  } catch {
    return undefined;
  }
}
