import type { Actor } from '@bookstore/shared/contracts';
import { ISSUED_AT_MS_CLAIM, Role } from '@bookstore/shared/contracts';
import { JwtService } from '@nestjs/jwt';

import type { PublicKeySource } from './public-key-source';
import type { VerifiedCaller } from './verified-caller';

export interface SignedTokenVerifierOptions {
  issuer: string;
  audience: string;
  /**
   * Seconds an expired token is still accepted. The gateway uses none; a service allows a little
   * (ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS) because the token may have expired while the request
   * waited in its queue, and the hosts' clocks may differ.
   */
  clockToleranceSeconds?: number;
}

type Claims = Record<string, unknown>;

const ROLES = new Set<string>(Object.values(Role));

/**
 * Verifies an access token locally: RS256 only (so `alg: none` and HMAC tricks fail), signed by
 * the key its `kid` names, unexpired, with our issuer and audience, and with well-typed claims.
 * Revocation is not its business: the gateway checks the denylist and sessions marks before it
 * forwards a request; a service behind it needs only proof that auth issued the token.
 */
export class SignedTokenVerifier {
  private readonly jwt = new JwtService();

  constructor(
    private readonly keys: PublicKeySource,
    private readonly options: SignedTokenVerifierOptions,
  ) {}

  /** The caller, or null for a token that is malformed, forged, expired or foreign. */
  async verify(rawToken: string): Promise<VerifiedCaller | null> {
    const kid = kidOf(rawToken);
    const key = kid ? await this.keys.keyFor(kid) : undefined;
    if (!key) return null;
    try {
      const claims = await this.jwt.verifyAsync<Claims>(rawToken, {
        publicKey: key,
        algorithms: ['RS256'],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? 0,
      });
      return toCaller(claims);
    } catch {
      return null;
    }
  }
}

/** The claims as callers use them, or null when one is missing or of the wrong type. */
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
