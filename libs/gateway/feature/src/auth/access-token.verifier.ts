import type { Actor } from '@bookstore/shared/contracts';
import { ISSUED_AT_MS_CLAIM, Role } from '@bookstore/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import type { AuthRoutesConfig } from './auth-routes.config';
import { AUTH_ROUTES_CONFIG } from './auth-routes.tokens';
import { JwksCache } from './jwks-cache';
import { TokenDenylist } from './token-denylist';
import type { VerifiedAccessToken } from './verified-access-token';

/** A caller proven by an access token. */
export interface VerifiedCaller {
  actor: Actor;
  token: VerifiedAccessToken;
}

type Claims = Record<string, unknown>;

const ROLES = new Set<string>(Object.values(Role));

/**
 * Verifies bearer access tokens locally with @nestjs/jwt: RS256 only (so `alg: none` and HMAC
 * tricks fail), signed by the key of the cached JWKS its `kid` names, unexpired, with our issuer
 * and audience; then refuses it when revoked (its `jti` on the denylist, or issued before its
 * user's sessions mark: one Redis round trip). The result is the Actor routes and services trust.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly jwks: JwksCache,
    private readonly denylist: TokenDenylist,
    @Inject(AUTH_ROUTES_CONFIG) private readonly config: AuthRoutesConfig,
  ) {}

  /** The caller, or null for a token that is malformed, forged, expired, foreign or revoked. */
  async verify(rawToken: string): Promise<VerifiedCaller | null> {
    const kid = kidOf(rawToken);
    const key = kid ? await this.jwks.keyFor(kid) : undefined;
    if (!key) return null;
    let claims: Claims;
    try {
      claims = await this.jwt.verifyAsync<Claims>(rawToken, {
        publicKey: key,
        algorithms: ['RS256'],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
      });
    } catch {
      return null;
    }
    const caller = toCaller(claims);
    // Redis trouble throws (503): security state fails closed.
    if (!caller || (await this.denylist.isRevoked(caller.token))) return null;
    return caller;
  }
}

/** The claims as the gateway uses them, or null when one is missing or of the wrong type. */
function toCaller(claims: Claims): VerifiedCaller | null {
  const { sub, roles, jti, exp, iat, email_verified: emailVerified } = claims;
  const issuedAtMs = claims[ISSUED_AT_MS_CLAIM];
  if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number') return null;
  if (!Array.isArray(roles) || !roles.every((role) => ROLES.has(role))) return null;
  if (typeof iat !== 'number') return null;
  const actor: Actor = { userId: sub, roles: roles as Role[] };
  if (typeof emailVerified === 'boolean') actor.emailVerified = emailVerified;
  return {
    actor,
    token: {
      jti,
      userId: sub,
      exp,
      // A token without the millisecond claim counts from the start of its second: if anything,
      // it is refused rather than accepted.
      issuedAtMs: typeof issuedAtMs === 'number' ? issuedAtMs : iat * 1000,
    },
  };
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
